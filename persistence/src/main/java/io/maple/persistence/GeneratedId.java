package io.maple.persistence;

/** Receives an auto-increment key from MyBatis, which cannot write into an immutable record. */
public final class GeneratedId {
    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
