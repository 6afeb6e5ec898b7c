using Avro.File;
using Avro.Generic;

namespace StreamSql.EndToEnd;

/// <summary>Committed avro output as Apache's own Avro library reads it: the visible <c>part-*</c> files below a directory
/// (hidden in-progress and pending files left out), one line <c>id,name</c> per record (codecs null and deflate, which it
/// has built in).</summary>
internal static class AvroOutput
{
    public static List<string> Read(string directory)
    {
        var lines = new List<string>();
        if (!Directory.Exists(directory)) return lines;
        foreach (var file in Directory.EnumerateFiles(directory, "part-*", SearchOption.AllDirectories))
        {
            using var reader = DataFileReader<GenericRecord>.OpenReader(file);
            while (reader.HasNext())
            {
                var record = reader.Next();
                lines.Add($"{record["id"] ?? "null"},{record["name"] ?? "null"}");
            }
        }
        return lines;
    }
}
