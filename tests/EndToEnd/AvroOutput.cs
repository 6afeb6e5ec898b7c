using System.IO.Compression;
using System.Text;

namespace StreamSql.EndToEnd;

/// <summary>Committed avro output read by a minimal decoder written from the Avro specification (independent of the
/// engine's): the visible <c>part-*</c> files below a directory, each an object container whose records are a nullable long
/// and a nullable string (<c>["null","long"]</c>, <c>["null","string"]</c>), codec deflate or null; one line
/// <c>id,name</c> per record.</summary>
internal static class AvroOutput
{
    public static List<string> Read(string directory)
    {
        var lines = new List<string>();
        if (!Directory.Exists(directory)) return lines;
        foreach (var file in Directory.EnumerateFiles(directory, "part-*", SearchOption.AllDirectories)) ReadFile(File.ReadAllBytes(file), lines);
        return lines;
    }

    private static void ReadFile(byte[] file, List<string> lines)
    {
        if (file.Length < 4 || file[0] != 'O' || file[1] != 'b' || file[2] != 'j' || file[3] != 1) throw new InvalidDataException("not an avro container");
        int at = 4;
        string codec = "null";
        for (long count = Long(file, ref at); count != 0; count = Long(file, ref at))
        {
            if (count < 0)
            {
                count = -count;
                Long(file, ref at);
            }
            for (long i = 0; i < count; i++)
            {
                string key = Text(file, ref at);
                string value = Text(file, ref at);
                if (key == "avro.codec") codec = value;
            }
        }
        var sync = file.AsSpan(at, 16).ToArray();
        at += 16;
        while (at < file.Length)
        {
            long records = Long(file, ref at);
            int size = (int)Long(file, ref at);
            byte[] block = file.AsSpan(at, size).ToArray();
            at += size;
            if (!file.AsSpan(at, 16).SequenceEqual(sync)) throw new InvalidDataException("sync marker differs");
            at += 16;
            if (codec == "deflate")
            {
                using var inflate = new DeflateStream(new MemoryStream(block), CompressionMode.Decompress);
                var plain = new MemoryStream();
                inflate.CopyTo(plain);
                block = plain.ToArray();
            }
            else if (codec != "null") throw new InvalidDataException($"codec {codec}");
            int b = 0;
            for (long r = 0; r < records; r++)
            {
                string id = Long(block, ref b) == 0 ? "null" : Long(block, ref b).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string name = Long(block, ref b) == 0 ? "null" : Text(block, ref b);
                lines.Add(id + "," + name);
            }
            if (b != block.Length) throw new InvalidDataException("bytes left over in a block");
        }
    }

    private static string Text(byte[] data, ref int at)
    {
        int n = (int)Long(data, ref at);
        var text = Encoding.UTF8.GetString(data, at, n);
        at += n;
        return text;
    }

    private static long Long(byte[] data, ref int at)
    {
        ulong raw = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[at++];
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
