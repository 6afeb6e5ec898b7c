using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary><c>WATERMARK FOR rowtime AS expr</c>; <see cref="Expression"/> is bound over the table's full column list.</summary>
public sealed record WatermarkSpec(string RowtimeColumn, ScalarExpr Expression, string ExpressionText);
