/**
 * Supervision (督查): a read model of cases, tasks and counter services fed by events, the dashboard of
 * deadlines, corrections, queues and satisfaction with exports, and the operational metrics.
 */
package org.hetao.estation.supervision;
