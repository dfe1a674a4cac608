package io.maple.api.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.api.config.ApiProperties;
import io.maple.api.web.BadRequestException;
import io.maple.persistence.execution.ExecutionExtInfoRecord;
import io.maple.persistence.execution.ExecutionQuery;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads executions for the API: one with its ext info and history, or a filtered page. */
@Service
class ExecutionReader {

    private final ExecutionStore store;
    private final ObjectMapper json;
    private final ApiProperties properties;

    ExecutionReader(ExecutionStore store, ObjectMapper json, ApiProperties properties) {
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    ExecutionDetail detail(long id) {
        ExecutionRecord execution = store.require(id);
        ExecutionExtInfoRecord ext = store.extInfo(id);
        List<StatusChange> history = store.history(id).stream()
                .map(h -> new StatusChange(h.fromStatus(), h.toStatus(), h.reason(), h.source(), h.createTime()))
                .toList();
        return new ExecutionDetail(view(execution),
                ext == null ? null : parse(ext.configuration()),
                ext == null ? null : parse(ext.extInfo()),
                ext == null ? null : parse(ext.execInfo()),
                history);
    }

    ExecutionPage page(ExecutionFilter filter, Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageNumber < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new BadRequestException("size", "must be between 1 and " + properties.maxPageSize());
        }
        long offset = (long) pageNumber * pageSize;
        if (offset > Integer.MAX_VALUE) {
            throw new BadRequestException("page", "is too far out");
        }
        if (filter.createdFrom() != null && filter.createdTo() != null
                && !filter.createdFrom().isBefore(filter.createdTo())) {
            throw new BadRequestException("createdTo", "must be after createdFrom");
        }
        ExecutionQuery query = new ExecutionQuery(filter.status() == null || filter.status().isEmpty()
                ? null : filter.status(), filter.cluster(), filter.clusterQueue(), filter.fromApp(), filter.uniqueId(),
                filter.group(), filter.user(), filter.engineCategory(), filter.createdFrom(), filter.createdTo(),
                (int) offset, pageSize);
        List<ExecutionView> items = store.search(query).stream().map(this::view).toList();
        return new ExecutionPage(items, pageNumber, pageSize, store.count(query));
    }

    ExecutionView view(ExecutionRecord e) {
        return new ExecutionView(e.id(), e.uniqueId(), e.execName(), e.execComment(), e.fromApp(), e.cluster(),
                e.clusterQueue(), e.engineCategory(), e.engineVersion(), e.priority(), e.status(), e.execGroup(),
                e.execUser(), parse(e.webhooks()), e.requestType(), e.execType(), e.rerunOf(), e.startTime(),
                e.endTime(), e.heartbeatTime(), e.createTime(), e.updateTime(), e.version());
    }

    private JsonNode parse(String document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
