/**
 * Durable files for agent state: atomic writes and a versioned, checksummed checkpoint format for
 * named float arrays. Plain Java only (no ND4J types), so experiments and tests can use it freely.
 */
package sectar.agent.io;
