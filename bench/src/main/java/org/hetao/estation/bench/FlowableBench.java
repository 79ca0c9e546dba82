package org.hetao.estation.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Flowable (the BPMN engine of reference) on the same PostgreSQL server, in its own fresh database and its
 * own process: a four-user-task approval (accept → review → decide → deliver); each of 8 threads starts an
 * instance and completes its tasks one by one ({@code taskService.complete}, one transaction each, so the
 * state is persisted at every step). History at Flowable's default level (audit), written synchronously
 * (async history off); no async executor.
 *
 * <pre>java org.hetao.estation.bench.FlowableBench jdbcUrl runDir quick|full</pre>
 */
public final class FlowableBench {

	static final String BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://estation.hetao.org/bench">
			  <process id="approval" name="Four-step approval" isExecutable="true">
			    <startEvent id="start"/>
			    <sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
			    <userTask id="accept" name="Accept"/>
			    <sequenceFlow id="f2" sourceRef="accept" targetRef="review"/>
			    <userTask id="review" name="Review"/>
			    <sequenceFlow id="f3" sourceRef="review" targetRef="decide"/>
			    <userTask id="decide" name="Decide"/>
			    <sequenceFlow id="f4" sourceRef="decide" targetRef="deliver"/>
			    <userTask id="deliver" name="Deliver"/>
			    <sequenceFlow id="f5" sourceRef="deliver" targetRef="end"/>
			    <endEvent id="end"/>
			  </process>
			</definitions>
			""";

	public static final int THREADS = 8;

	public static void main(String[] args) throws Exception {
		String jdbcUrl = args[0];
		Path run = Path.of(args[1]);
		boolean quick = args[2].equals("quick");
		ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(jdbcUrl)
			.setJdbcDriver("org.postgresql.Driver")
			.setJdbcUsername("postgres")
			.setJdbcPassword("")
			.setJdbcMaxActiveConnections(THREADS + 2)
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setAsyncExecutorActivate(false)
			.setHistoryLevel(HistoryLevel.AUDIT);
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			engine.getRepositoryService().createDeployment().addString("approval.bpmn20.xml", BPMN).deploy();
			RuntimeService runtime = engine.getRuntimeService();
			TaskService tasks = engine.getTaskService();
			AtomicInteger steps = new AtomicInteger();
			var cpuBefore = CpuMeter.snapshot();
			ClosedLoop.Result r = ClosedLoop.run(THREADS, quick ? 3 : 10, quick ? 8 : 30, u -> () -> {
				String id = runtime.startProcessInstanceByKey("approval").getId();
				for (int step = 0; step < 4; step++) {
					Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
					tasks.complete(task.getId());
					steps.incrementAndGet();
				}
				return true;
			});
			var cpuAfter = CpuMeter.snapshot();
			long finished = engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
			Part part = new Part(run, "flowable");
			part.put("flowableCpuMsPerCase", CpuMeter.perUnit(cpuBefore, cpuAfter, Math.max(1, finished)));
			part.put("casesPerSecondFlowable", Part.round(r.perSecond(), 1));
			part.put("flowableInstanceP99Ms", r.p99Ms());
			part.put("flowableErrors", r.errors());
			part.put("flowableInstancesFinishedInDatabase", finished);
			if (finished < r.okAllPhases()) {
				part.note("Flowable: " + finished + " finished instances in its history for " + r.okAllPhases() + " completed");
			}
			part.put("flowableSetup", "Flowable " + ProcessEngine.class.getPackage().getImplementationVersion() + ", "
					+ THREADS + " threads, history AUDIT synchronous, async executor off, start + 4 x complete per instance");
			if (r.firstError() != null) {
				part.note("Flowable: first error " + r.firstError());
			}
			part.save();
		}
		finally {
			engine.close();
		}
	}

}
