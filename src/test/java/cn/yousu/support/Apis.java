package cn.yousu.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Api} (with its signed-in tokens) per running application. */
final class Apis {

    private static final Map<Integer, Api> BY_PORT = new ConcurrentHashMap<>();

    private Apis() {
    }

    static Api forPort(int port) {
        return BY_PORT.computeIfAbsent(port, Api::new);
    }
}
