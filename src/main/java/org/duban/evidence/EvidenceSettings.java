package org.duban.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.evidence")
public interface EvidenceSettings {

    /** The largest evidence file accepted; a larger upload is refused whole (413) and nothing is kept. */
    @WithDefault("20M")
    MemorySize maxFileSize();
}
