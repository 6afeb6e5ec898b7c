using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using StreamSql.Sql.Parser.Ast;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>CREATE TABLE, ALTER, table options and data types.</summary>
internal sealed partial class AstBuilder
{
    private CreateTableStatement BuildCreateTable(P.CreateTableContext c)
    {
        var elements = BuildTableElements(c.tableElement());
        return new CreateTableStatement(
            Name(c.qualifiedName()),
            c.TEMPORARY() is not null,
            c.EXISTS() is not null,
            elements.Columns,
            elements.Watermark,
            elements.PrimaryKey,
            c.comment is null ? null : Unquote(c.comment),
            c.partitionKeys is { } partitionKeys ? Identifiers(partitionKeys) : [],
            Options(c.withOptions()),
            c.likeClause() is { } like ? Name(like.qualifiedName()) : null,
            c.query() is { } query ? BuildQuery(query) : null,
            Span(c))
        {
            LikeOptions = c.likeClause() is { } likeClause ? likeClause.likeOption().Select(BuildLikeOption).ToList() : Array.Empty<LikeOption>(),
            Distribution = c.distribution() is { } distribution ? BuildDistribution(distribution) : null,
            ColumnNames = ColumnNames(c.columnNames, c.query()),
        };
    }

    /// <summary><c>[CREATE OR] REPLACE TABLE ... AS query</c>: a CTAS that replaces the table (<see cref="TableReplace"/>).</summary>
    private CreateTableStatement BuildReplaceTable(P.ReplaceTableContext c)
    {
        var elements = BuildTableElements(c.tableElement());
        return new CreateTableStatement(
            Name(c.qualifiedName()),
            false,
            false,
            elements.Columns,
            elements.Watermark,
            elements.PrimaryKey,
            c.comment is null ? null : Unquote(c.comment),
            c.partitionKeys is { } partitionKeys ? Identifiers(partitionKeys) : [],
            Options(c.withOptions()),
            null,
            BuildQuery(c.query()),
            Span(c))
        {
            Replace = c.OR() is not null ? TableReplace.CreateOrReplace : TableReplace.Replace,
            Distribution = c.distribution() is { } distribution ? BuildDistribution(distribution) : null,
            ColumnNames = ColumnNames(c.columnNames, c.query()),
        };
    }

    /// <summary><c>CREATE TABLE t (b, a) ... AS query</c> (Flink 2.x): names without types only reorder a query's columns.</summary>
    private IReadOnlyList<Identifier> ColumnNames(P.IdentifierListContext? names, P.QueryContext? query)
    {
        if (names is null) return [];
        if (query is null) throw Error("a column list without types is only allowed in CREATE TABLE ... AS SELECT (it orders the query's columns)", Span(names));
        return Identifiers(names);
    }

    private DistributionDefinition BuildDistribution(P.DistributionContext d)
    {
        var kind = d.kind?.Type switch
        {
            P.HASH => DistributionKind.Hash,
            P.RANGE => DistributionKind.Range,
            _ => DistributionKind.Unknown,
        };
        int? buckets = null;
        if (d.buckets is { } count)
        {
            if (!int.TryParse(count.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw Error($"Bucket count must be a positive integer, but was {count.Text}", Span(count));
            buckets = n;
        }
        return new DistributionDefinition(kind, Identifiers(d.identifierList()), buckets, Span(d));
    }

    private LikeOption BuildLikeOption(P.LikeOptionContext o)
    {
        var strategy = o.INCLUDING() is not null ? LikeStrategy.Including : o.EXCLUDING() is not null ? LikeStrategy.Excluding : LikeStrategy.Overwriting;
        var feature = o.ALL() is not null ? "ALL" : Ident(o.identifier()).Value.ToUpperInvariant();
        if (feature is not ("ALL" or "CONSTRAINTS" or "DISTRIBUTION" or "GENERATED" or "METADATA" or "OPTIONS" or "PARTITIONS" or "WATERMARKS"))
            throw Error($"unknown LIKE option '{feature}'; expected one of ALL, CONSTRAINTS, DISTRIBUTION, GENERATED, METADATA, OPTIONS, PARTITIONS, WATERMARKS", Span(o));
        if (strategy == LikeStrategy.Overwriting && feature is "CONSTRAINTS" or "PARTITIONS")
            throw Error($"Illegal merging strategy 'OVERWRITING' for '{feature}' option.", Span(o));
        return new LikeOption(strategy, feature, Span(o));
    }

    private sealed record TableElements(List<ColumnDefinition> Columns, WatermarkDefinition? Watermark, PrimaryKeyDefinition? PrimaryKey);

    /// <summary>Columns, the watermark and the primary key; an inline <c>PRIMARY KEY</c> on a column also becomes the table's key.</summary>
    private TableElements BuildTableElements(IEnumerable<P.TableElementContext> elements)
    {
        var columns = new List<ColumnDefinition>();
        WatermarkDefinition? watermark = null;
        PrimaryKeyDefinition? primaryKey = null;

        void SetPrimaryKey(PrimaryKeyDefinition key)
        {
            if (primaryKey is not null) throw Error("Duplicate primary key definition", key.Span);
            primaryKey = key;
        }

        foreach (var element in elements)
        {
            if (element.watermarkDefinition() is { } w)
            {
                if (watermark is not null) throw Error("a table can have only one watermark definition", Span(w));
                watermark = new WatermarkDefinition(Ident(w.identifier()), BuildExpression(w.expression()), Span(w));
            }
            else if (element.tableConstraint() is { } k)
            {
                SetPrimaryKey(new PrimaryKeyDefinition(
                    k.identifier() is { } constraintName ? Ident(constraintName).Value : null,
                    Identifiers(k.identifierList()), k.ENFORCED() is not null, Span(k)));
            }
            else
            {
                var column = BuildColumn(element.columnDefinition());
                columns.Add(column);
                if (element.columnDefinition() is P.PhysicalColumnContext { } physical && physical.columnConstraint() is { } inline)
                {
                    SetPrimaryKey(new PrimaryKeyDefinition(
                        inline.identifier() is { } constraintName ? Ident(constraintName).Value : null,
                        [column.Name], inline.ENFORCED() is not null, Span(inline)));
                }
            }
        }
        return new TableElements(columns, watermark, primaryKey);
    }

    private ColumnDefinition BuildColumn(P.ColumnDefinitionContext context) => context switch
    {
        P.ComputedColumnContext c => new ComputedColumnDefinition(
            Ident(c.identifier()), BuildExpression(c.expression()), c.STRING() is { } comment ? Unquote(comment.Symbol) : null, Span(c)),
        P.MetadataColumnContext c => BuildMetadataColumn(c),
        P.PhysicalColumnContext c => new PhysicalColumnDefinition(
            Ident(c.identifier()), BuildDataType(c.dataType()), c.columnConstraint() is not null,
            c.STRING() is { } comment ? Unquote(comment.Symbol) : null, Span(c)),
        _ => throw Unsupported(context, "this column definition"),
    };

    private MetadataColumnDefinition BuildMetadataColumn(P.MetadataColumnContext c) => new(
        Ident(c.identifier()), BuildDataType(c.dataType()),
        c.key is null ? null : Unquote(c.key), c.VIRTUAL() is not null,
        c.comment is null ? null : Unquote(c.comment), Span(c));

    private IReadOnlyList<TableOption> Options(P.WithOptionsContext? c)
        => c is null ? [] : Array.ConvertAll(c.tableOption(), Option);

    private TableOption Option(P.TableOptionContext c)
        => new(OptionKey(c.key), OptionValue(c.value), Span(c.key), Span(c));

    private TableOption Option(P.HintOptionContext c)
        => new(OptionKey(c.optionKey()), OptionValue(c.optionValue()), Span(c.optionKey()), Span(c));

    private string OptionKey(P.OptionKeyContext c)
        => c.STRING() is { } s ? Unquote(s.Symbol) : string.Join('.', Array.ConvertAll(c.identifier(), i => Ident(i).Value));

    private string OptionValue(P.OptionValueContext c)
    {
        if (c.STRING() is { } s) return Unquote(s.Symbol);
        if (c.identifier() is { } id) return Ident(id).Value;
        if (c.TRUE() is not null) return "true";
        if (c.FALSE() is not null) return "false";
        return TextOf(c).Replace(" ", "", StringComparison.Ordinal);
    }

    private AlterTableAction BuildAlterAction(P.AlterTableActionContext context)
    {
        switch (context)
        {
            case P.AlterRenameTableContext c:
                return new RenameTableAction(Name(c.qualifiedName()), Span(c));
            case P.AlterSetOptionsContext c:
                return new SetOptionsAction(Array.ConvertAll(c.tableOption(), Option), Span(c));
            case P.AlterResetOptionsContext c:
                return new ResetOptionsAction(Array.ConvertAll(c.optionKey(), OptionKey), Span(c));
            case P.AlterSchemaContext c:
            {
                var items = c.alterTableElement();
                var elements = BuildTableElements(items.Select(i => i.tableElement()));
                var positions = new List<ColumnPosition?>();
                foreach (var item in items)
                {
                    var position = item.FIRST() is { } first ? new ColumnPosition(null, Span(first))
                        : item.after is { } after ? new ColumnPosition(Ident(after), Join(Span(item.AFTER()), Span(after)))
                        : null;
                    if (item.tableElement().columnDefinition() is not null) positions.Add(position);
                    else if (position is not null) throw Error("FIRST and AFTER place a column; a watermark or primary key has no position", position.Span);
                }
                return new AlterSchemaAction(c.kind.Type == P.MODIFY, elements.Columns, positions, elements.Watermark, elements.PrimaryKey, Span(c));
            }
            case P.AlterDropPrimaryKeyContext c:
                return new DropPrimaryKeyAction(null, Span(c));
            case P.AlterDropConstraintContext c:
                return new DropPrimaryKeyAction(Ident(c.identifier()), Span(c));
            case P.AlterDropWatermarkContext c:
                return new DropWatermarkAction(Span(c));
            case P.AlterDropColumnsContext c:
                return new DropColumnsAction(c.identifier() is { } single ? [Ident(single)] : Identifiers(c.identifierList()), Span(c));
            case P.AlterRenameColumnContext c:
                return new RenameColumnAction(Ident(c.identifier(0)), Ident(c.identifier(1)), Span(c));
            default:
                throw Unsupported(context, "this ALTER TABLE action");
        }
    }

    private AlterTableStatement BuildAlterView(P.AlterViewContext c)
    {
        AlterTableAction action = c.query() is { } query
            ? new AlterViewQueryAction(BuildQuery(query), TextOf(query), Join(Span(c.AS()), Span(query)))
            : new RenameTableAction(Name(c.qualifiedName(1)), Join(Span(c.RENAME()), Span(c.qualifiedName(1))));
        return new AlterTableStatement(Name(c.qualifiedName(0)), true, false, action, Span(c));
    }

    // ------------------------------------------------------------------ data types

    private DataTypeSyntax BuildDataType(P.DataTypeContext c)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var body = BuildDataTypeBody(c.dataTypeBody());
        return body with { NotNull = c.NOT() is not null, Span = Span(c) };
    }

    private DataTypeSyntax BuildDataTypeBody(P.DataTypeBodyContext context)
    {
        switch (context)
        {
            case P.ArrayTypeContext c:
                return Composite("ARRAY", [BuildDataType(c.dataType())], [], Span(c));
            case P.MultisetTypeContext c:
                return Composite("MULTISET", [BuildDataType(c.dataType())], [], Span(c));
            case P.MapTypeContext c:
                return Composite("MAP", [BuildDataType(c.keyType), BuildDataType(c.valueType)], [], Span(c));
            case P.RowTypeContext c:
                var fields = c.rowField();
                return Composite("ROW", Array.ConvertAll(fields, f => BuildDataType(f.dataType())),
                    Array.ConvertAll(fields, f => Ident(f.identifier()).Value), Span(c));
            case P.IntervalTypeContext c:
                string name = c.to is null
                    ? $"INTERVAL {Unit(c.from).ToString().ToUpperInvariant()}"
                    : $"INTERVAL {Unit(c.from).ToString().ToUpperInvariant()} TO {Unit(c.to).ToString().ToUpperInvariant()}";
                return new DataTypeSyntax(name, Array.ConvertAll(c.INTEGER_VALUE(), i => IntParameter(i.Symbol)), [], [], false, false, Span(c));
            case P.SimpleTypeContext c:
                // CHARACTER VARYING, CHAR VARYING, BINARY VARYING and DOUBLE PRECISION are two-word names; the converter
                // says which of them exist.
                string typeName = Ident(c.identifier()).Value.ToUpperInvariant();
                if (c.qualifier is not null) typeName += " " + c.qualifier.Text.ToUpperInvariant();
                return new DataTypeSyntax(
                    typeName,
                    Array.ConvertAll(c.INTEGER_VALUE(), i => IntParameter(i.Symbol)),
                    [], [], false, c.LOCAL() is not null, Span(c));
            // Flink's ExtendedDataType: the element of a postfix collection may say its nullability (INT NOT NULL ARRAY).
            case P.PostfixArrayTypeContext c:
                return Composite("ARRAY", [BuildDataTypeBody(c.dataTypeBody()) with { NotNull = c.elementNotNull is not null }], [], Span(c));
            case P.PostfixMultisetTypeContext c:
                return Composite("MULTISET", [BuildDataTypeBody(c.dataTypeBody()) with { NotNull = c.elementNotNull is not null }], [], Span(c));
            default:
                throw Unsupported(context, "this data type");
        }
    }

    private static DataTypeSyntax Composite(string name, IReadOnlyList<DataTypeSyntax> elements, IReadOnlyList<string> fieldNames, SourceSpan span)
        => new(name, [], elements, fieldNames, false, false, span);

    private int IntParameter(IToken token)
        => int.TryParse(token.Text, out int value) ? value : throw Error($"type parameter {token.Text} is too large", Span(token));
}
