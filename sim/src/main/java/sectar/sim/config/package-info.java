/**
 * Building config records from named values ({@link sectar.sim.config.Named}), so every module's
 * presets read as field = value rather than positional numbers; here because {@code sim} is the
 * module everything else depends on.
 */
package sectar.sim.config;
