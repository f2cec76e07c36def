package cn.yousu.policy;

/** A vocabulary entry with its Chinese label and the seed it comes from. */
public interface Labelled {

    String name();

    String label();

    String source();
}
