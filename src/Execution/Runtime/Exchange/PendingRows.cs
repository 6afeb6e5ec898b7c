using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>Rows waiting to go to one downstream subtask: pieces of upstream batches, coalesced into one batch when sent.</summary>
internal sealed class PendingRows
{
    private readonly List<BatchPiece> _pieces = new();
    private BatchPiece[] _scratch = new BatchPiece[4];

    public int Rows { get; private set; }

    public void Add(BatchPiece piece)
    {
        _pieces.Add(piece);
        Rows += piece.Count;
    }

    /// <summary>Removes the first min(<paramref name="maxRows"/>, <see cref="Rows"/>) rows and returns them as one batch.</summary>
    public Batch Take(int maxRows)
    {
        int total = Math.Min(maxRows, Rows);
        int used = 0, p = 0;
        while (used < total)
        {
            var piece = _pieces[p];
            int take = Math.Min(piece.Count, total - used);
            if (p == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
            _scratch[p] = piece with { Count = take };
            used += take;
            if (take < piece.Count)
            {
                // Part of this piece stays behind.
                _pieces[p] = piece with { Start = piece.Start + take, Count = piece.Count - take };
                p++;
                _pieces.RemoveRange(0, p - 1);
                Rows -= total;
                return Build(p, total);
            }
            p++;
        }
        _pieces.RemoveRange(0, p);
        Rows -= total;
        return Build(p, total);
    }

    private Batch Build(int pieceCount, int total)
    {
        var pieces = _scratch.AsSpan(0, pieceCount);
        var result = BatchGather.Gather(pieces[0].Batch.Schema, pieces, total);
        pieces.Clear(); // do not keep sent batches alive
        return result;
    }
}
