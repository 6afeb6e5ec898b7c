using System.Text;
using Apache.Arrow;

namespace StreamSql.Connectors.Print;

/// <summary>
/// Formats one cell for the print sink. TEMPORARY placeholder until the shared ValueFormatter (CAST(x AS STRING)) of the
/// functions work is merged; then this delegates to it.
/// </summary>
internal static class PrintCellFormatter
{
    public static void Append(StringBuilder text, IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            text.Append("null");
            return;
        }
        text.Append(Common.FlinkText.Format(array, row, Common.TimestampStyle.Sql));
    }
}
