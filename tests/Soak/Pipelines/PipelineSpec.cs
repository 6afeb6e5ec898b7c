namespace StreamSql.Soak.Pipelines;

/// <summary>What a scenario's pipeline is; each round makes a fresh one in its own scratch directory.</summary>
public abstract record PipelineSpec
{
    /// <summary>Makes the pipeline for a round that plans <paramref name="plannedKills"/> kills; <paramref name="name"/> prefixes
    /// its tables and directories.</summary>
    public abstract ISoakPipeline Create(string name, string scratch, int plannedKills);

    /// <summary>One line for the scenario list.</summary>
    public abstract string Describe();
}
