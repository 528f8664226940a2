package sectar.experiments.cli;

import picocli.CommandLine;
import sectar.experiments.train.Algorithm;

/** An algorithm given by its word ({@code ppo-rnd}), which picocli's enum conversion would not take. */
final class AlgorithmWord implements CommandLine.ITypeConverter<Algorithm> {
    @Override public Algorithm convert(String value) { return Algorithm.named(value); }
}
