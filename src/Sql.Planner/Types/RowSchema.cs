namespace StreamSql.Sql.Planner.Types;

/// <summary>The ordered columns of a relation, with the index of the event-time column if there is one.</summary>
public sealed record RowSchema(IReadOnlyList<Field> Fields)
{
    public int Count => Fields.Count;
    public Field this[int index] => Fields[index];

    /// <summary>Index of the field named <paramref name="name"/>: an exact match first (Flink identifiers are
    /// case-sensitive), else the only case-insensitive match; -1 when there is none.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Fields.Count; i++)
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal)) return i;
        int found = -1;
        for (int i = 0; i < Fields.Count; i++)
        {
            if (!string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            if (found >= 0) return -1;
            found = i;
        }
        return found;
    }

    /// <summary>Index of the rowtime attribute column, or -1.</summary>
    public int RowtimeIndex
    {
        get
        {
            for (int i = 0; i < Fields.Count; i++)
                if (Fields[i].Type.IsRowtime) return i;
            return -1;
        }
    }

    public override string ToString() => "(" + string.Join(", ", Fields) + ")";

    public bool Equals(RowSchema? other)
    {
        if (other is null || other.Fields.Count != Fields.Count) return false;
        for (int i = 0; i < Fields.Count; i++)
            if (!Fields[i].Equals(other.Fields[i])) return false;
        return true;
    }

    public override int GetHashCode() => Fields.Count;
}
