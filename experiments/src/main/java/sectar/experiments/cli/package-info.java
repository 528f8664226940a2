/**
 * The {@code sectar} command line (picocli): one class per subcommand, {@link sectar.experiments.cli.Main}
 * wiring them together with one-line error reporting (user errors exit 2 without a stack trace).
 */
package sectar.experiments.cli;
