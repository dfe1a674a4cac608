package io.maple.workflows.contract;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Custom search attributes that make executions findable in the Temporal UI. */
public final class MapleSearchAttributes {

    public static final SearchAttributeKey<Long> EXECUTION_ID = SearchAttributeKey.forLong("MapleExecutionId");
    public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("MapleStatus");
    public static final SearchAttributeKey<String> CLUSTER = SearchAttributeKey.forKeyword("MapleCluster");
    public static final SearchAttributeKey<String> QUEUE = SearchAttributeKey.forKeyword("MapleQueue");
    public static final SearchAttributeKey<String> FROM_APP = SearchAttributeKey.forKeyword("MapleFromApp");
    public static final SearchAttributeKey<String> GROUP = SearchAttributeKey.forKeyword("MapleGroup");
    public static final SearchAttributeKey<String> USER = SearchAttributeKey.forKeyword("MapleUser");
    public static final SearchAttributeKey<String> ENGINE = SearchAttributeKey.forKeyword("MapleEngine");

    private MapleSearchAttributes() {
    }

    /** Name and type of each attribute, for registering them with the server at worker start. */
    public static Map<String, IndexedValueType> definitions() {
        Map<String, IndexedValueType> result = new LinkedHashMap<>();
        result.put(EXECUTION_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT);
        for (SearchAttributeKey<String> key : new SearchAttributeKey[] {STATUS, CLUSTER, QUEUE, FROM_APP, GROUP, USER,
                ENGINE}) {
            result.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        }
        return result;
    }
}
