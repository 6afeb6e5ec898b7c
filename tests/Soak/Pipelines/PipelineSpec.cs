namespace StreamSql.Soak.Pipelines;

/// <summary>What a scenario's pipeline is; each round makes a fresh one in its own scratch directory.</summary>
public abstract record PipelineSpec
{
    /// <summary>Makes the pipeline for a round that plans <paramref name="plannedKills"/> kills; <paramref name="name"/> prefixes
    /// its tables and directories.</summary>
    public abstract ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host);

    /// <summary>True when the source ends by itself (a bounded input: "after end of input" kills apply).</summary>
    public abstract bool IsBounded { get; }

    /// <summary>True when a kill right after the end of its bounded input can land before the job ends.</summary>
    public virtual bool KillableAtEndOfInput => IsBounded;

    /// <summary>True when its sink can kill the process inside its commit (<see cref="KillMoment.InSinkCommit"/>).</summary>
    public virtual bool HasCommitFaults => false;

    /// <summary>Prefix of the pipeline's table names in a round.</summary>
    public abstract string TablePrefix { get; }

    /// <summary>One line for the scenario list.</summary>
    public abstract string Describe();
}
