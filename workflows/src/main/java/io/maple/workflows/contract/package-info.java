/**
 * Contracts shared by workflows, activities, the API and the cluster observers: ids, task queues,
 * payload records. Nothing here touches I/O, so workflow code may use all of it.
 */
package io.maple.workflows.contract;
