package sectar.experiments.cluster;

import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;

/**
 * What a sectar member or client accepts off the wire: map values are JSON strings (a type Hazelcast
 * reads without building any class), the one object sent is {@link RunChange} through a factory that
 * knows only it, and Java deserialisation of anything else is refused, so a stranger who knows the
 * cluster's name cannot make the coordinator or a worker build an object of its choosing.
 */
final class ClusterSerialization {
    /** The factory id of sectar's identified classes. */
    static final int FACTORY = 0x53435452;

    private ClusterSerialization() {}

    static void configure(SerializationConfig c) {
        c.addDataSerializableFactory(FACTORY, id -> id == RunChange.ID ? new RunChange() : null);
        // An empty allow-list with the defaults disabled would allow everything; listing one class that never
        // travels in Java's format (strings have their own) leaves nothing to Java deserialisation.
        c.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new com.hazelcast.config.ClassFilter().addClasses(String.class.getName())));
    }
}
