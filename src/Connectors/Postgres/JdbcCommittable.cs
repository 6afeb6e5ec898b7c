using Apache.Arrow;
using Apache.Arrow.Ipc;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// What an exactly-once jdbc sink subtask prepared on a barrier and keeps in the checkpoint until it is committed: the
/// epoch's changes themselves (Arrow IPC, a write-ahead log inside the checkpoint) and the identity of the epoch — the
/// sink (<see cref="Sink"/>: job state name and operator id), the writer run that prepared it (<see cref="Run"/>, random per
/// run, so a job that starts afresh never mistakes an old run's progress rows for its own), the subtask and the checkpoint.
/// The commit writes the changes and the progress row (<see cref="Sink"/>, <see cref="Run"/>, <see cref="Subtask"/>,
/// <see cref="Epoch"/>) in one transaction; a committable whose progress row exists was committed already.
/// </summary>
internal sealed record JdbcCommittable(string Sink, string Run, int Subtask, long Epoch, IReadOnlyList<Batch> Changes)
{
    private const byte FormatVersion = 1;

    public byte[] Serialize()
    {
        var w = new PositionWriter(FormatVersion);
        w.WriteString(Sink);
        w.WriteString(Run);
        w.WriteInt(Subtask);
        w.WriteLong(Epoch);
        w.WriteInt(Changes.Count);
        foreach (var batch in Changes)
        {
            var kinds = new byte[batch.RowKinds is null ? 0 : batch.Length];
            for (int i = 0; i < kinds.Length; i++) kinds[i] = (byte)batch.RowKinds![i];
            w.WriteBytes(kinds);
            using var buffer = new MemoryStream();
            using (var writer = new ArrowStreamWriter(buffer, batch.Schema, leaveOpen: true))
            {
                writer.WriteRecordBatch(batch.Data);
                writer.WriteEnd();
            }
            w.WriteBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        return w.ToArray();
    }

    public static JdbcCommittable Deserialize(byte[] bytes, string table, int subtask)
    {
        var r = new PositionReader(bytes, "jdbc sink", table, subtask, FormatVersion);
        var sink = r.ReadString();
        var run = r.ReadString();
        int preparer = r.ReadInt();
        long epoch = r.ReadLong();
        int count = r.ReadCount(8);
        var changes = new List<Batch>(count);
        for (int i = 0; i < count; i++)
        {
            var kinds = r.ReadBytes() ?? System.Array.Empty<byte>();
            var ipc = r.ReadBytes() ?? throw r.Invalid("a batch of changes is missing");
            using var reader = new ArrowStreamReader(new MemoryStream(ipc));
            var data = reader.ReadNextRecordBatch() ?? throw r.Invalid("a batch of changes is empty");
            RowKind[]? rowKinds = null;
            if (kinds.Length > 0)
            {
                if (kinds.Length != data.Length) throw r.Invalid("the row kinds do not match the rows");
                rowKinds = new RowKind[kinds.Length];
                for (int k = 0; k < kinds.Length; k++) rowKinds[k] = (RowKind)kinds[k];
            }
            changes.Add(new Batch(data, rowKinds));
        }
        r.End();
        return new JdbcCommittable(sink, run, preparer, epoch, changes);
    }
}
