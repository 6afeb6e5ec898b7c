namespace StreamSql.Sql.Planner.Types;

/// <summary>A named, typed column of a relation.</summary>
public sealed record Field(string Name, SqlType Type)
{
    public override string ToString() => $"{Name} {Type}";
}
