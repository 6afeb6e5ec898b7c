namespace StreamSql.Execution.State;

/// <summary>A list state's elements as one value: each element as a varint length and its bytes (appending is a concatenation).</summary>
internal static class ListEncoding
{
    public static byte[] Encode(IReadOnlyList<byte[]> elements)
    {
        int size = 0;
        for (int i = 0; i < elements.Count; i++) size += VarInt.Size((ulong)elements[i].Length) + elements[i].Length;
        var bytes = new byte[size];
        int pos = 0;
        for (int i = 0; i < elements.Count; i++)
        {
            pos = VarInt.Write(bytes, pos, (ulong)elements[i].Length);
            elements[i].CopyTo(bytes, pos);
            pos += elements[i].Length;
        }
        return bytes;
    }

    public static byte[] Append(ReadOnlySpan<byte> existing, ReadOnlySpan<byte> element)
    {
        var bytes = new byte[existing.Length + VarInt.Size((ulong)element.Length) + element.Length];
        existing.CopyTo(bytes);
        int pos = VarInt.Write(bytes, existing.Length, (ulong)element.Length);
        element.CopyTo(bytes.AsSpan(pos));
        return bytes;
    }

    public static List<byte[]> Decode(ReadOnlySpan<byte> encoded)
    {
        var elements = new List<byte[]>();
        int pos = 0;
        while (pos < encoded.Length)
        {
            int length = checked((int)VarInt.Read(encoded, ref pos));
            elements.Add(encoded.Slice(pos, length).ToArray());
            pos += length;
        }
        return elements;
    }
}
