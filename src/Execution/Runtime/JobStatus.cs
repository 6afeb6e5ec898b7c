namespace StreamSql.Execution.Runtime;

/// <summary>The life of a job, with Flink's state names.</summary>
public enum JobStatus { Created, Running, Finished, Failing, Failed, Canceling, Canceled, Restarting, Suspended }
