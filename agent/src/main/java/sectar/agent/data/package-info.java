/**
 * Training data of SeCTAR: fixed-length trajectory segments (T+1 states with their actions), the
 * FIFO replay and validation buffers that hold explorer segments, and the explorer's sparse
 * novelty-reward placement.
 */
package sectar.agent.data;
