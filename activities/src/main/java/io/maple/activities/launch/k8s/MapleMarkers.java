package io.maple.activities.launch.k8s;

/** The label that ties a resource to its execution and the annotation that records Maple's own deletes. */
public final class MapleMarkers {

    /** Label carrying the execution id; informers select on it, launch adopts by it. */
    public static final String ID_LABEL = "maple-id";

    /**
     * Set just before Maple deletes a resource, so the informer's delete event (which carries the
     * last state of the object) tells Maple's kill/cancel apart from a deletion by someone else.
     */
    public static final String DELETED_BY_ANNOTATION = "maple.io/deleted-by";

    /** Value of {@link #DELETED_BY_ANNOTATION} for a kill: the delete ends as KILLED. */
    public static final String DELETED_FOR_KILL = "maple-kill";

    /** Value of {@link #DELETED_BY_ANNOTATION} for a cancel done by deletion: ends as CANCELED. */
    public static final String DELETED_FOR_CANCEL = "maple-cancel";

    private MapleMarkers() {
    }

    public static String resourceName(long executionId) {
        return "maple-" + executionId;
    }
}
