/** Renders of trained agents: the executed trajectory beside what the state decoder predicted. */
package sectar.experiments.render;
