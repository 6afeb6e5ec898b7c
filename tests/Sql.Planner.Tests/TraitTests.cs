using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

public sealed class TraitTests
{
    [Fact]
    public void Modify_kind_sets_satisfy_requirements_and_name_what_is_extra_in_flinks_words()
    {
        var updating = new ModifyKindSet(true, true, false);
        Assert.True(ModifyKindSet.InsertOnly.Satisfies(ModifyKindSet.AllChanges));
        Assert.False(updating.Satisfies(ModifyKindSet.InsertOnly));
        Assert.Equal("update", updating.Minus(ModifyKindSet.InsertOnly).Describe());
        Assert.Equal("update and delete", ModifyKindSet.AllChanges.Minus(ModifyKindSet.InsertOnly).Describe());
        Assert.Equal(ModifyKindSet.AllChanges, updating.Union(new ModifyKindSet(false, false, true)));
    }

    [Theory]
    [InlineData(true, false, false, UpdateKind.None, "I", ChangelogMode.InsertOnly)]
    [InlineData(true, true, false, UpdateKind.BeforeAndAfter, "I,UB,UA", ChangelogMode.All)]
    [InlineData(true, true, true, UpdateKind.BeforeAndAfter, "I,UB,UA,D", ChangelogMode.All)]
    [InlineData(true, true, true, UpdateKind.OnlyUpdateAfter, "I,UA,D", ChangelogMode.Upsert)]
    [InlineData(true, false, true, UpdateKind.None, "I,D", ChangelogMode.All)]
    [InlineData(false, false, false, UpdateKind.None, "NONE", ChangelogMode.InsertOnly)]
    public void Changelog_traits_print_as_flink_and_map_onto_the_runtime_mode(bool insert, bool update, bool delete, UpdateKind kind, string text, ChangelogMode runtime)
    {
        var trait = new ChangelogTrait(new ModifyKindSet(insert, update, delete), kind);
        Assert.Equal(text, trait.ToExplainString());
        Assert.Equal(runtime, trait.ToRuntimeMode());
    }

    [Fact]
    public void Hash_distribution_satisfies_only_the_same_keys_in_the_same_order()
    {
        var ab = Distribution.Hash([0, 1]);
        Assert.True(ab.Satisfies(Distribution.Hash([0, 1])));
        Assert.False(ab.Satisfies(Distribution.Hash([1, 0])));
        Assert.False(ab.Satisfies(Distribution.Single));
        Assert.True(ab.Satisfies(Distribution.Any));
        Assert.False(Distribution.Any.Satisfies(ab));
        Assert.True(Distribution.Single.Satisfies(Distribution.Single));
        var schema = new RowSchema([new Field("a", SqlType.Int), new Field("b", SqlType.String)]);
        Assert.Equal("hash[a, b]", ab.Describe(schema));
        Assert.Equal("single", Distribution.Single.Describe(schema));
    }
}
