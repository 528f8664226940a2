/**
 * Campaigns across machines on Hazelcast. A {@link sectar.experiments.cluster.Coordinator}, the cluster's
 * one member, holds a campaign's plan (signed with the campaign folder's {@link sectar.experiments.cluster.CampaignKey})
 * and every run's state ({@link sectar.experiments.cluster.RunEntry}: pending, claimed under a lease and an
 * epoch, finished, failed), checked against the run folders ({@link sectar.experiments.cluster.Reconciler}).
 * {@link sectar.experiments.cluster.Worker}s on any machine are clients of it: they claim runs
 * ({@link sectar.experiments.cluster.RunTable}), fence each run folder with the claim's epoch
 * ({@link sectar.experiments.run.RunFence}) and run the run as the local campaign does, renew the lease
 * while it lives, stop it on their own timer when they cannot, and mark it finished. Run folders live in
 * the shared campaign folder; a run whose worker dies, is cut off or freezes is claimed again when its
 * lease expires and resumes from its checkpoint, and its old process can write nothing more. See
 * docs/cluster.md for what is promised and what is not.
 */
package sectar.experiments.cluster;
