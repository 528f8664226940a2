/**
 * TensorBoard event files beside a run's metrics.csv, so a run can be watched where RL researchers
 * already look: {@link sectar.experiments.tensorboard.RunEvents} turns every metrics row into scalar
 * events as it is appended (tags from the one fixed {@link sectar.experiments.tensorboard.TagGroups}
 * mapping), a resumed run marks where TensorBoard must drop what a killed process wrote past its
 * checkpoint, and {@link sectar.experiments.tensorboard.EventFiles} reads them back with every CRC checked.
 * The format is TFRecord framing (masked CRC-32C) around {@code Event} protos, encoded with protobuf-java.
 */
package sectar.experiments.tensorboard;
