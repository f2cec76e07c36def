package cn.yousu.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Every instant in JSON is written with the application zone's offset ({@code 2026-10-13T23:59:59+08:00}), as the
 * API contract shows times, never as UTC {@code Z} in one place and {@code +08:00} in another; an
 * {@link OffsetDateTime} with its own offset. Both through {@link IsoDateTimes}.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    SimpleModule instantsInApplicationZone(ZoneId applicationZone) {
        SimpleModule module = new SimpleModule("yousu-instants");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(IsoDateTimes.format(OffsetDateTime.ofInstant(value, applicationZone)));
            }
        });
        // with its own offset, as Jackson's serializer wrote it, without its formatter's cost
        module.addSerializer(OffsetDateTime.class, new ValueSerializer<OffsetDateTime>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(IsoDateTimes.format(value));
            }
        });
        return module;
    }

    /** Property access through generated lambdas: Jackson 3's method handles were a tenth of the API's CPU. */
    @Bean
    BlackbirdModule blackbird() {
        return new BlackbirdModule();
    }
}
