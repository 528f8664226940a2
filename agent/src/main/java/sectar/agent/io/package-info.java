/**
 * Durable agent state: a versioned, checksummed checkpoint format (written with sim's atomic-file helper) for
 * named float and double arrays. Plain Java only (no ND4J types), so experiments and tests can use it freely.
 */
package sectar.agent.io;
