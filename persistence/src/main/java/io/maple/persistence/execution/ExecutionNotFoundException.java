package io.maple.persistence.execution;

/** No execution has the given id. */
public class ExecutionNotFoundException extends RuntimeException {
    public ExecutionNotFoundException(long id) {
        super("execution " + id + " not found");
    }
}
