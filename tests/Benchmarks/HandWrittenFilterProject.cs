using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// The baseline: what a programmer would write by hand for
/// <c>SELECT auction, bidder, price * 100, dateTime FROM bid WHERE price &gt; threshold</c> over Arrow batches —
/// one pass over the price column to pick rows, then typed copies of the selected values into new arrays.
/// </summary>
internal sealed class HandWrittenFilterProject(long threshold)
{
    private static readonly Schema OutputSchema = new Schema.Builder()
        .Field(new Field("auction", Int64Type.Default, true))
        .Field(new Field("bidder", Int64Type.Default, true))
        .Field(new Field("price_cents", Int64Type.Default, true))
        .Field(new Field("dateTime", new TimestampType(TimeUnit.Microsecond, (string?)null), true))
        .Build();

    public long Checksum { get; private set; }

    public long Run(IReadOnlyList<RecordBatch> batches)
    {
        long kept = 0, checksum = 0;
        int[] selection = new int[4096];
        foreach (var batch in batches)
        {
            var auction = (Int64Array)batch.Column(0);
            var bidder = (Int64Array)batch.Column(1);
            var price = (Int64Array)batch.Column(2);
            var time = (TimestampArray)batch.Column(5);
            if (selection.Length < batch.Length) selection = new int[batch.Length];

            var prices = price.Values;
            int n = 0;
            for (int i = 0; i < prices.Length; i++)
            {
                if (prices[i] > threshold && price.IsValid(i)) selection[n++] = i;
            }

            var outAuction = new byte[n * sizeof(long)];
            var outBidder = new byte[n * sizeof(long)];
            var outPrice = new byte[n * sizeof(long)];
            var outTime = new byte[n * sizeof(long)];
            var a = MemoryMarshal.Cast<byte, long>(outAuction.AsSpan());
            var bd = MemoryMarshal.Cast<byte, long>(outBidder.AsSpan());
            var p = MemoryMarshal.Cast<byte, long>(outPrice.AsSpan());
            var t = MemoryMarshal.Cast<byte, long>(outTime.AsSpan());
            var auctions = auction.Values;
            var bidders = bidder.Values;
            var times = time.Values;
            for (int k = 0; k < n; k++)
            {
                int i = selection[k];
                a[k] = auctions[i];
                bd[k] = bidders[i];
                p[k] = prices[i] * 100;
                t[k] = times[i];
            }
            var result = new RecordBatch(OutputSchema, new IArrowArray[]
            {
                new Int64Array(new ArrowBuffer(outAuction), ArrowBuffer.Empty, n, 0, 0),
                new Int64Array(new ArrowBuffer(outBidder), ArrowBuffer.Empty, n, 0, 0),
                new Int64Array(new ArrowBuffer(outPrice), ArrowBuffer.Empty, n, 0, 0),
                new TimestampArray((TimestampType)time.Data.DataType, new ArrowBuffer(outTime), ArrowBuffer.Empty, n, 0, 0),
            }, n);
            kept += result.Length;
            if (n > 0) checksum += p[n - 1];
        }
        Checksum = checksum;
        return kept;
    }
}
