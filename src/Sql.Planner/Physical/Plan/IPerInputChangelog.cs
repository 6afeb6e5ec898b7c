using StreamSql.Sql.Planner.Physical.Traits;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A two-input <see cref="IChangelogProducer"/> that accepts different changes from each input (a temporal join:
/// an insert-only left side, an updating versioned right side); it replaces <see cref="IChangelogProducer.RequiredInputKinds"/>.</summary>
public interface IPerInputChangelog
{
    ModifyKindSet RequiredKindsOf(int input);
}
