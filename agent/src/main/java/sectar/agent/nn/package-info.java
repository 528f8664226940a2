/**
 * The neural core on ND4J: Dense/Mlp, a step-wise LSTM, the pooled 2-layer bidirectional LSTM,
 * categorical and diagonal-Gaussian distributions, Adam and the named parameter store. Forward and
 * backward passes are written by hand: every matrix product is one {@code Nd4j.gemm} into preallocated
 * feature-by-batch arrays, element-wise math runs in Java arrays (shared/perf/nd4j-recipe.md).
 */
package sectar.agent.nn;
