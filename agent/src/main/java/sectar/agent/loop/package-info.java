/**
 * The pieces of SeCTAR's outer loop that live beside the networks (spec sections 4.2, 4.3 and 7): the
 * explorer with its novelty reward, the policy decoder's consistency update, and adapters that show
 * the trained model to the planner through {@code sectar.agent.api}.
 */
package sectar.agent.loop;
