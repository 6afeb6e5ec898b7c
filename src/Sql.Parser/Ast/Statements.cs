namespace StreamSql.Sql.Parser.Ast;

/// <summary>Base of every top-level statement.</summary>
public abstract record Statement(SourceSpan Span) : Node(Span);

/// <summary>A <c>'key' = 'value'</c> pair in a WITH clause or hint.</summary>
public sealed record TableOption(string Key, string Value, SourceSpan KeySpan, SourceSpan Span) : Node(Span);

/// <summary>A column in CREATE TABLE.</summary>
public abstract record ColumnDefinition(Identifier Name, string? Comment, SourceSpan Span) : Node(Span);

/// <summary><c>name TYPE [NOT NULL] [PRIMARY KEY NOT ENFORCED] [COMMENT '...']</c>.</summary>
public sealed record PhysicalColumnDefinition(Identifier Name, DataTypeSyntax Type, bool InlinePrimaryKey, string? Comment, SourceSpan Span)
    : ColumnDefinition(Name, Comment, Span);

/// <summary><c>name AS expression</c>.</summary>
public sealed record ComputedColumnDefinition(Identifier Name, Expression Expression, string? Comment, SourceSpan Span)
    : ColumnDefinition(Name, Comment, Span);

/// <summary><c>name TYPE METADATA [FROM 'key'] [VIRTUAL]</c>.</summary>
public sealed record MetadataColumnDefinition(Identifier Name, DataTypeSyntax Type, string? MetadataKey, bool Virtual, string? Comment, SourceSpan Span)
    : ColumnDefinition(Name, Comment, Span);

/// <summary><c>WATERMARK FOR rowtime AS expression</c>.</summary>
public sealed record WatermarkDefinition(Identifier RowtimeColumn, Expression Expression, SourceSpan Span) : Node(Span);

/// <summary><c>[CONSTRAINT name] PRIMARY KEY (a, b) NOT ENFORCED</c>.</summary>
public sealed record PrimaryKeyDefinition(string? ConstraintName, IReadOnlyList<Identifier> Columns, bool NotEnforced, SourceSpan Span) : Node(Span);

/// <summary><c>CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (...) [COMMENT] [PARTITIONED BY (...)] WITH (...) [LIKE ...]</c>, or <c>CREATE TABLE ... AS SELECT</c>.</summary>
public sealed record CreateTableStatement(
    ObjectName Name,
    bool Temporary,
    bool IfNotExists,
    IReadOnlyList<ColumnDefinition> Columns,
    WatermarkDefinition? Watermark,
    PrimaryKeyDefinition? PrimaryKey,
    string? Comment,
    IReadOnlyList<Identifier> PartitionedBy,
    IReadOnlyList<TableOption> Options,
    ObjectName? Like,
    Query? AsQuery,
    SourceSpan Span) : Statement(Span)
{
    /// <summary>The <c>LIKE base (INCLUDING ALL EXCLUDING OPTIONS ...)</c> options, in the order written.</summary>
    public IReadOnlyList<LikeOption> LikeOptions { get; init; } = Array.Empty<LikeOption>();

    /// <summary>The <c>DISTRIBUTED BY ... / DISTRIBUTED INTO n BUCKETS</c> clause; null when the statement has none.</summary>
    public DistributionDefinition? Distribution { get; init; }

    /// <summary><c>CREATE TABLE t (b, a) ... AS query</c>: the query's columns in this order (Flink 2.x); empty when the
    /// statement declares columns with types, or none.</summary>
    public IReadOnlyList<Identifier> ColumnNames { get; init; } = [];

    /// <summary><c>REPLACE TABLE ... AS</c> or <c>CREATE OR REPLACE TABLE ... AS</c> (Flink's RTAS); <see cref="TableReplace.None"/>
    /// for <c>CREATE TABLE</c>.</summary>
    public TableReplace Replace { get; init; }
}

/// <summary>The bucketing algorithm a <c>DISTRIBUTED BY</c> names; <see cref="Unknown"/> leaves it to the connector.</summary>
public enum DistributionKind { Unknown, Hash, Range }

/// <summary>Flink 1.20's <c>DISTRIBUTED BY [HASH | RANGE] (a, b) [INTO n BUCKETS]</c> or <c>DISTRIBUTED INTO n BUCKETS</c>
/// (no keys).</summary>
public sealed record DistributionDefinition(DistributionKind Kind, IReadOnlyList<Identifier> BucketKeys, int? BucketCount, SourceSpan Span) : Node(Span);

/// <summary>Whether a <c>CREATE TABLE ... AS</c> replaces the table: <c>REPLACE TABLE</c> needs it to exist, <c>CREATE OR
/// REPLACE TABLE</c> creates it when it does not.</summary>
public enum TableReplace { None, Replace, CreateOrReplace }

/// <summary>How a <c>CREATE TABLE ... LIKE</c> feature of the base table is merged.</summary>
public enum LikeStrategy { Including, Excluding, Overwriting }

/// <summary>One <c>INCLUDING|EXCLUDING|OVERWRITING ALL|CONSTRAINTS|GENERATED|METADATA|OPTIONS|PARTITIONS|WATERMARKS</c>; <see cref="Feature"/> upper-case.</summary>
public sealed record LikeOption(LikeStrategy Strategy, string Feature, SourceSpan Span) : Node(Span);

/// <summary><c>CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(cols)] AS query</c>.</summary>
public sealed record CreateViewStatement(ObjectName Name, bool Temporary, bool IfNotExists, IReadOnlyList<Identifier> ColumnNames, Query Query, string QueryText, SourceSpan Span) : Statement(Span)
{
    /// <summary>The view's <c>COMMENT '...'</c>, or null.</summary>
    public string? Comment { get; init; }
}

/// <summary><c>CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE ...] [USING JAR 'path' [, JAR 'path']*]</c>.</summary>
public sealed record CreateFunctionStatement(ObjectName Name, bool Temporary, bool IfNotExists, string ClassName, string? Language, SourceSpan Span) : Statement(Span)
{
    /// <summary><c>TEMPORARY SYSTEM</c>: the function is found before the built-in functions of the same name.</summary>
    public bool System { get; init; }

    /// <summary>The <c>USING JAR</c> paths (for StreamSql, .NET assemblies) the class is loaded from.</summary>
    public IReadOnlyList<string> Jars { get; init; } = [];
}

/// <summary><c>CREATE DATABASE [IF NOT EXISTS] name</c> / <c>CREATE CATALOG name WITH (...)</c>.</summary>
public sealed record CreateDatabaseStatement(ObjectName Name, bool IfNotExists, bool IsCatalog, IReadOnlyList<TableOption> Options, SourceSpan Span) : Statement(Span)
{
    /// <summary>The <c>COMMENT '...'</c> of <c>CREATE CATALOG</c>.</summary>
    public string? Comment { get; init; }
}

public enum ObjectKind { Table, View, Function, Database, Catalog }

/// <summary><c>DROP [TEMPORARY] TABLE|VIEW|FUNCTION|DATABASE|CATALOG [IF EXISTS] name</c>.</summary>
public sealed record DropStatement(ObjectKind Kind, ObjectName Name, bool Temporary, bool IfExists, SourceSpan Span) : Statement(Span)
{
    /// <summary><c>DROP TEMPORARY SYSTEM FUNCTION</c>.</summary>
    public bool System { get; init; }

    /// <summary><c>DROP DATABASE ... CASCADE</c>: its tables and views go with it.</summary>
    public bool Cascade { get; init; }
}

/// <summary>Base of ALTER TABLE actions.</summary>
public abstract record AlterTableAction(SourceSpan Span) : Node(Span);
public sealed record RenameTableAction(ObjectName NewName, SourceSpan Span) : AlterTableAction(Span);
public sealed record SetOptionsAction(IReadOnlyList<TableOption> Options, SourceSpan Span) : AlterTableAction(Span);
public sealed record ResetOptionsAction(IReadOnlyList<string> Keys, SourceSpan Span) : AlterTableAction(Span);
/// <summary>
/// <c>ADD</c> or <c>MODIFY</c> (<see cref="IsModify"/>) of columns, the watermark and the primary key. <see cref="Positions"/>
/// holds, per column, where it goes (<c>FIRST</c> / <c>AFTER c</c>), or null where the statement does not say.
/// </summary>
public sealed record AlterSchemaAction(
    bool IsModify, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<ColumnPosition?> Positions,
    WatermarkDefinition? Watermark, PrimaryKeyDefinition? PrimaryKey, SourceSpan Span) : AlterTableAction(Span);

/// <summary><c>FIRST</c> (<see cref="After"/> null) or <c>AFTER column</c>.</summary>
public sealed record ColumnPosition(Identifier? After, SourceSpan Span) : Node(Span);

/// <summary><c>DROP PRIMARY KEY</c>, or <c>DROP CONSTRAINT name</c> (<paramref name="ConstraintName"/>: the key's name).</summary>
public sealed record DropPrimaryKeyAction(Identifier? ConstraintName, SourceSpan Span) : AlterTableAction(Span);
public sealed record DropWatermarkAction(SourceSpan Span) : AlterTableAction(Span);
public sealed record DropColumnsAction(IReadOnlyList<Identifier> Columns, SourceSpan Span) : AlterTableAction(Span);
public sealed record RenameColumnAction(Identifier From, Identifier To, SourceSpan Span) : AlterTableAction(Span);

/// <summary><c>ALTER VIEW name AS query</c>: replaces the view's query (<see cref="QueryText"/> is its text as written).</summary>
public sealed record AlterViewQueryAction(Query Query, string QueryText, SourceSpan Span) : AlterTableAction(Span);

/// <summary><c>ALTER TABLE [IF EXISTS] name action</c> (also ALTER VIEW name RENAME TO / AS query).</summary>
public sealed record AlterTableStatement(ObjectName Name, bool IsView, bool IfExists, AlterTableAction Action, SourceSpan Span) : Statement(Span);

/// <summary><c>ALTER CATALOG c SET (...) | RESET (...) | COMMENT '...'</c>: <see cref="Action"/> is a
/// <see cref="SetOptionsAction"/> or <see cref="ResetOptionsAction"/> (another action is refused), or null with a
/// <see cref="Comment"/>.</summary>
public sealed record AlterCatalogStatement(ObjectName Name, AlterTableAction? Action, string? Comment, SourceSpan Span) : Statement(Span);

/// <summary><c>ALTER DATABASE [catalog.]db SET ('k' = 'v', ...)</c> (Flink's <c>SqlAlterDatabase</c>: options only).</summary>
public sealed record AlterDatabaseStatement(ObjectName Name, IReadOnlyList<TableOption> Options, SourceSpan Span) : Statement(Span);

/// <summary><c>INSERT INTO|OVERWRITE target [(cols)] query</c>.</summary>
public sealed record InsertStatement(
    ObjectName Target,
    IReadOnlyList<Identifier> TargetColumns,
    IReadOnlyList<TableHint> Hints,
    bool Overwrite,
    Query Source,
    SourceSpan Span) : Statement(Span)
{
    /// <summary>Static partition values of <c>INSERT ... PARTITION (dt = '2024-01-01')</c>, values as text; empty when not given.</summary>
    public IReadOnlyList<TableOption> StaticPartitions { get; init; } = [];
}

/// <summary><c>[EXECUTE] STATEMENT SET BEGIN insert; insert; END</c> (or <c>BEGIN STATEMENT SET; ... END;</c>).</summary>
public sealed record StatementSetStatement(IReadOnlyList<Statement> Members, SourceSpan Span) : Statement(Span)
{
    /// <summary>The INSERT INTO members (the others are <c>CREATE TABLE ... AS SELECT</c>s, whose tables the set creates).</summary>
    public IReadOnlyList<InsertStatement> Inserts => Members.OfType<InsertStatement>().ToList();
}

/// <summary>A query run for its result.</summary>
public sealed record QueryStatement(Query Query, SourceSpan Span) : Statement(Span);

/// <summary>Where to restore from: a path, or the newest completed checkpoint of the job.</summary>
public abstract record RestoreSource(SourceSpan Span) : Node(Span);
public sealed record SavepointRestore(string Path, SourceSpan Span) : RestoreSource(Span);
public sealed record LatestCheckpointRestore(SourceSpan Span) : RestoreSource(Span);

/// <summary><c>EXECUTE &lt;insert | statement set&gt; [FROM SAVEPOINT 'path' | FROM LATEST CHECKPOINT] [ALLOW NON RESTORED STATE]</c>.</summary>
public sealed record ExecuteStatement(Statement Inner, RestoreSource? RestoreFrom, bool AllowNonRestoredState, SourceSpan Span) : Statement(Span);

/// <summary><c>SET</c> (lists all), or <c>SET 'key' = 'value'</c>.</summary>
public sealed record SetStatement(string? Key, string? Value, SourceSpan Span) : Statement(Span);

/// <summary><c>RESET</c> (all) or <c>RESET 'key'</c>.</summary>
public sealed record ResetStatement(string? Key, SourceSpan Span) : Statement(Span);

public enum ShowKind { Tables, Views, Functions, Jobs, Catalogs, Databases, Modules, FullModules, Columns, CreateTable, CreateView, CurrentCatalog, CurrentDatabase, Checkpoints, UserFunctions, Jars, CreateCatalog }

/// <summary><c>SHOW TABLES | VIEWS | FUNCTIONS | JOBS | CREATE TABLE t | CHECKPOINTS 'job' | ...</c>, with an optional
/// <c>[NOT] LIKE | ILIKE 'pattern'</c>.</summary>
public sealed record ShowStatement(ShowKind Kind, ObjectName? Target, string? StringTarget, string? LikePattern, bool NotLike, SourceSpan Span) : Statement(Span)
{
    /// <summary>True for <c>ILIKE</c>: the pattern matches regardless of case.</summary>
    public bool LikeIgnoresCase { get; init; }
}

/// <summary><c>DESCRIBE | DESC [EXTENDED] name</c>.</summary>
public sealed record DescribeStatement(ObjectName Name, bool Extended, SourceSpan Span) : Statement(Span);

/// <summary><c>DESCRIBE | DESC CATALOG [EXTENDED] name</c>.</summary>
public sealed record DescribeCatalogStatement(ObjectName Name, bool Extended, SourceSpan Span) : Statement(Span);

/// <summary><c>DESCRIBE SAVEPOINT 'path'</c>.</summary>
public sealed record DescribeSavepointStatement(string Path, SourceSpan Span) : Statement(Span);

/// <summary><c>EXPLAIN [PLAN FOR | details] statement</c>.</summary>
public sealed record ExplainStatement(Statement Inner, IReadOnlyList<string> Details, SourceSpan Span) : Statement(Span);

/// <summary><c>STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]</c>.</summary>
public sealed record StopJobStatement(string JobId, bool WithSavepoint, bool WithDrain, SourceSpan Span) : Statement(Span);

/// <summary><c>SAVEPOINT 'job'</c> (trigger a savepoint on a running job).</summary>
public sealed record TriggerSavepointStatement(string JobId, string? TargetDirectory, SourceSpan Span) : Statement(Span);

/// <summary><c>USE [CATALOG] name</c>.</summary>
public sealed record UseStatement(ObjectName Name, bool Catalog, SourceSpan Span) : Statement(Span);

public enum ModuleAction { Load, Unload, Use }

/// <summary><c>LOAD MODULE name [WITH (...)]</c>, <c>UNLOAD MODULE name</c> or <c>USE MODULES a, b, ...</c>.</summary>
public sealed record ModuleStatement(ModuleAction Action, IReadOnlyList<Identifier> Names, IReadOnlyList<TableOption> Options, SourceSpan Span) : Statement(Span);

/// <summary><c>ADD JAR 'path'</c> (<see cref="Remove"/> false) or <c>REMOVE JAR 'path'</c>: the session's jars.</summary>
public sealed record JarStatement(string Path, bool Remove, SourceSpan Span) : Statement(Span);

/// <summary>Client commands the grammar also recognises: <c>HELP</c>, <c>QUIT</c>/<c>EXIT</c>, <c>CLEAR</c>.</summary>
public sealed record ClientCommandStatement(string Command, SourceSpan Span) : Statement(Span);

/// <summary>A parsed script: its statements in order, each with its own text.</summary>
public sealed record Script(IReadOnlyList<ParsedStatement> Statements);

/// <summary>A statement with the exact text it was parsed from (used by EXPLAIN, views and error messages).</summary>
public sealed record ParsedStatement(Statement Statement, string Text);
