/**
 * Campaigns across machines on Hazelcast embedded members: a {@link sectar.experiments.cluster.Coordinator}
 * holds a campaign's runs and their state ({@link sectar.experiments.cluster.RunEntry}: pending, claimed
 * under a lease, finished) in the cluster's backed-up maps, and {@link sectar.experiments.cluster.Worker}s
 * on any machine claim runs ({@link sectar.experiments.cluster.RunTable}), run each as the local campaign
 * does, renew the lease while the run lives and mark it finished. Run folders live in the shared campaign
 * folder; a run whose worker dies is claimed again when its lease expires and resumes from its checkpoint.
 */
package sectar.experiments.cluster;
