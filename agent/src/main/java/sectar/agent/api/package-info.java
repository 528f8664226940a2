/**
 * The agent's model interfaces as other modules see them: plain arrays and no ND4J types, so the
 * planner can be tested against oracle models and the networks can change underneath.
 */
package sectar.agent.api;
