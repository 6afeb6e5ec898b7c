namespace StreamSql.Sql.Planner.Physical.Traits;

/// <summary>
/// Which kinds of change a stream carries, Flink's <c>ModifyKindSet</c>: inserts, updates and deletes. An update here is
/// one logical change of a row; whether it travels as <c>-U</c> and <c>+U</c> or as <c>+U</c> alone is the
/// <see cref="UpdateKind"/>'s business. Inferred bottom-up from the sources.
/// </summary>
public readonly record struct ModifyKindSet(bool Insert, bool Update, bool Delete)
{
    public static ModifyKindSet InsertOnly { get; } = new(true, false, false);
    public static ModifyKindSet AllChanges { get; } = new(true, true, true);
    public static ModifyKindSet None { get; } = new(false, false, false);

    public bool IsInsertOnly => !Update && !Delete;

    /// <summary>Whether this set carries nothing <paramref name="required"/> does not allow.</summary>
    public bool Satisfies(ModifyKindSet required) =>
        (!Insert || required.Insert) && (!Update || required.Update) && (!Delete || required.Delete);

    public ModifyKindSet Union(ModifyKindSet other) => new(Insert || other.Insert, Update || other.Update, Delete || other.Delete);

    /// <summary>The kinds of this set that <paramref name="other"/> does not have.</summary>
    public ModifyKindSet Minus(ModifyKindSet other) => new(Insert && !other.Insert, Update && !other.Update, Delete && !other.Delete);

    /// <summary>Flink's wording in errors: <c>update and delete</c> (kinds in the order insert, update, delete).</summary>
    public string Describe()
    {
        var names = new List<string>(3);
        if (Insert) names.Add("insert");
        if (Update) names.Add("update");
        if (Delete) names.Add("delete");
        return string.Join(" and ", names);
    }
}
