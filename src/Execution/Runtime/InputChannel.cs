using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime;

/// <summary>One upstream subtask's channel into this subtask, and what the subtask knows about it.</summary>
internal sealed class InputChannel(ChannelReader<StreamElement> reader, int inputIndex, string description)
{
    public ChannelReader<StreamElement> Reader { get; } = reader;

    /// <summary>Which input of the head operator this channel feeds (the edge's TargetInput).</summary>
    public int InputIndex { get; } = inputIndex;

    public string Description { get; } = description;

    /// <summary>Whether batches keep the source split information they carry (<see cref="Batches.Batch.Splits"/>): only on a
    /// forward edge, where this subtask receives exactly one upstream subtask's batches; elsewhere the splits of several
    /// source subtasks would mix, and a watermark assigner falls back to whole batches.</summary>
    public bool KeepsSplits { get; init; }

    public long Watermark { get; set; } = long.MinValue;
    public bool Idle { get; set; }
    public bool Ended { get; set; }

    /// <summary>Not read from for now: the slot for barrier alignment (an input whose barrier came first waits for the others).</summary>
    public bool Blocked { get; set; }

    /// <summary>The id of the last checkpoint barrier received on this channel.</summary>
    public long LastBarrierId { get; set; } = -1;

    /// <summary>A pending wait for data, kept across waits so waiting never piles up registrations on the channel.</summary>
    public Task<bool>? PendingWait { get; set; }
}
