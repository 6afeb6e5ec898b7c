using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Parser.Generated;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>
/// Turns a parse tree of <see cref="StreamSqlParser"/> into the immutable <see cref="Ast"/> records, with spans that are
/// positions in the whole parsed text. Split by topic: statements here, DDL, queries and expressions in the other parts.
/// </summary>
internal sealed partial class AstBuilder
{
    private readonly string _text;
    private readonly string? _sourceName;

    public AstBuilder(string text, string? sourceName)
    {
        _text = text;
        _sourceName = sourceName;
    }

    // ------------------------------------------------------------------ script and statements

    public Script BuildScript(P.ScriptContext script)
    {
        var statements = new List<ParsedStatement>();
        foreach (var statement in script.statement())
            statements.Add(new ParsedStatement(BuildStatement(statement), TextOf(statement)));
        return new Script(statements);
    }

    public Statement BuildStatement(P.StatementContext context) => context switch
    {
        P.QueryStatementContext c => new QueryStatement(BuildQuery(c.query()), Span(c)),
        P.InsertStatementAltContext c => BuildInsert(c.insertStatement()),
        P.StatementSetAltContext c => BuildStatementSet(c.statementSet()),
        P.ExecuteStatementContext c => BuildExecute(c),
        P.CreateTableAltContext c => BuildCreateTable(c.createTable()),
        P.ReplaceTableAltContext c => BuildReplaceTable(c.replaceTable()),
        P.CreateViewContext c => new CreateViewStatement(
            Name(c.qualifiedName()), c.TEMPORARY() is not null, c.EXISTS() is not null,
            Identifiers(c.identifierList()), BuildQuery(c.query()), TextOf(c.query()), Span(c))
        {
            Comment = c.STRING() is { } comment ? Unquote(comment.Symbol) : null,
        },
        P.CreateFunctionContext c => new CreateFunctionStatement(
            Name(c.qualifiedName()), c.TEMPORARY() is not null, c.EXISTS() is not null,
            Unquote(c.STRING(0).Symbol), c.identifier() is { } language ? Ident(language).Value.ToUpperInvariant() : null, Span(c))
        {
            System = c.SYSTEM() is not null,
            Jars = c.STRING().Skip(1).Select(j => Unquote(j.Symbol)).ToList(),
        },
        P.CreateDatabaseContext c => new CreateDatabaseStatement(Name(c.qualifiedName()), c.EXISTS() is not null, false, Options(c.withOptions()), Span(c)),
        P.CreateCatalogContext c => new CreateDatabaseStatement(Name(c.identifier()), c.EXISTS() is not null, true, Options(c.withOptions()), Span(c))
        {
            Comment = c.STRING() is { } comment ? Unquote(comment.Symbol) : null,
        },
        P.DropStatementContext c => new DropStatement(DropKind(c.kind), Name(c.qualifiedName()), c.TEMPORARY() is not null, c.EXISTS() is not null, Span(c))
        {
            System = c.SYSTEM() is not null,
            Cascade = c.CASCADE() is not null,
        },
        P.AlterTableContext c => new AlterTableStatement(Name(c.qualifiedName()), false, c.EXISTS() is not null, BuildAlterAction(c.alterTableAction()), Span(c)),
        P.AlterViewContext c => BuildAlterView(c),
        P.AlterCatalogContext c => new AlterCatalogStatement(Name(c.qualifiedName()),
            c.alterTableAction() is { } action ? BuildAlterAction(action) : null,
            c.STRING() is { } comment ? Unquote(comment.Symbol) : null, Span(c)),
        P.AlterDatabaseContext c => new AlterDatabaseStatement(Name(c.qualifiedName()), Array.ConvertAll(c.tableOption(), Option), Span(c)),
        P.SetStatementContext c => c.setKey() is null
            ? new SetStatement(null, null, Span(c))
            : new SetStatement(RawOrUnquoted(c.setKey()), RawOrUnquoted(c.setValue()), Span(c)),
        P.ResetStatementContext c => new ResetStatement(c.setValue() is { } key ? RawOrUnquoted(key) : null, Span(c)),
        P.ShowStatementContext c => BuildShow(c.showTarget(), Span(c)),
        P.DescribeSavepointContext c => new DescribeSavepointStatement(Unquote(c.STRING().Symbol), Span(c)),
        P.DescribeCatalogContext c => new DescribeCatalogStatement(Name(c.qualifiedName()), c.EXTENDED() is not null, Span(c)),
        P.DescribeStatementContext c => new DescribeStatement(Name(c.qualifiedName()), c.EXTENDED() is not null, Span(c)),
        P.ExplainStatementContext c => new ExplainStatement(
            BuildStatement(c.statement()), Array.ConvertAll(c.explainDetail(), d => d.GetText().ToUpperInvariant()), Span(c)),
        P.StopJobContext c => new StopJobStatement(Unquote(c.STRING().Symbol), c.SAVEPOINT() is not null, c.DRAIN() is not null, Span(c)),
        P.TriggerSavepointContext c => new TriggerSavepointStatement(
            Unquote(c.STRING(0).Symbol), c.STRING().Length > 1 ? Unquote(c.STRING(1).Symbol) : null, Span(c)),
        P.UseStatementContext c => new UseStatement(Name(c.qualifiedName()), c.CATALOG() is not null, Span(c)),
        P.ClientCommandContext c => new ClientCommandStatement(c.command.Text.ToUpperInvariant(), Span(c)),
        P.AddJarContext c => new JarStatement(Unquote(c.STRING().Symbol), false, Span(c)),
        P.LoadModuleContext c => new ModuleStatement(ModuleAction.Load, [Ident(c.identifier())], Options(c.withOptions()), Span(c)),
        P.UnloadModuleContext c => new ModuleStatement(ModuleAction.Unload, [Ident(c.identifier())], [], Span(c)),
        P.UseModulesContext c => new ModuleStatement(ModuleAction.Use, Array.ConvertAll(c.identifier(), Ident), [], Span(c)),
        P.RemoveJarContext c => new JarStatement(Unquote(c.STRING().Symbol), true, Span(c)),
        _ => throw Unsupported(context, "this statement"),
    };

    private InsertStatement BuildInsert(P.InsertStatementContext c) => new(
        Name(c.qualifiedName()),
        c.identifierList() is { } columns ? Identifiers(columns) : [],
        c.tableHints() is { } hints ? Hints(hints.hintList()) : [],
        c.OVERWRITE() is not null,
        BuildQuery(c.query()),
        Span(c))
    {
        StaticPartitions = c.partitionSpec() is { } spec
            ? Array.ConvertAll(spec.partitionValue(), v => new TableOption(Ident(v.identifier()).Value, OptionValue(v.optionValue()), Span(v.identifier()), Span(v)))
            : [],
    };

    private StatementSetStatement BuildStatementSet(P.StatementSetContext c)
    {
        // Flink's statement sets hold INSERTs and, since 1.16, CREATE TABLE ... AS SELECT (FLINK-29219).
        var members = new List<Statement>();
        foreach (var statement in c.statement())
        {
            var member = BuildStatement(statement);
            if (member is not (InsertStatement or CreateTableStatement { AsQuery: not null }))
                throw Error("a statement set can only contain INSERT INTO and CREATE TABLE ... AS SELECT statements", Span(statement));
            members.Add(member);
        }
        return new StatementSetStatement(members, Span(c));
    }

    /// <summary>EXECUTE without restore options is the inner statement itself (spanning the EXECUTE keyword too).</summary>
    private Statement BuildExecute(P.ExecuteStatementContext c)
    {
        Statement inner = c.insertStatement() is { } insert ? BuildInsert(insert)
            : c.createTable() is { } create ? BuildCreateTable(create)
            : c.replaceTable() is { } replace ? BuildReplaceTable(replace)
            : BuildStatementSet(c.statementSet());
        bool allow = c.ALLOW() is not null;
        RestoreSource? restore = c.restoreClause() switch
        {
            null => null,
            { } r when r.SAVEPOINT() is not null => new SavepointRestore(Unquote(r.STRING().Symbol), Span(r)),
            { } r => new LatestCheckpointRestore(Span(r)),
        };
        if (restore is null && !allow) return inner with { Span = Span(c) };
        return new ExecuteStatement(inner, restore, allow, Span(c));
    }

    private static ObjectKind DropKind(IToken kind) => kind.Type switch
    {
        P.TABLE => ObjectKind.Table,
        P.VIEW => ObjectKind.View,
        P.FUNCTION => ObjectKind.Function,
        P.DATABASE => ObjectKind.Database,
        _ => ObjectKind.Catalog,
    };

    private ShowStatement BuildShow(P.ShowTargetContext target, SourceSpan span)
    {
        ShowStatement Show(ShowKind kind, P.QualifiedNameContext? name = null, P.LikePatternContext? like = null, string? stringTarget = null)
            => new(kind, name is null ? null : Name(name), stringTarget,
                like is null ? null : Unquote(like.STRING().Symbol), like?.NOT() is not null, span)
            {
                LikeIgnoresCase = like?.ILIKE() is not null,
            };

        return target switch
        {
            P.ShowTablesContext c => Show(ShowKind.Tables, c.qualifiedName(), c.likePattern()),
            P.ShowViewsContext c => Show(ShowKind.Views, c.qualifiedName(), c.likePattern()),
            P.ShowFunctionsContext c => Show(c.USER() is null ? ShowKind.Functions : ShowKind.UserFunctions, c.qualifiedName(), c.likePattern()),
            P.ShowJobsContext => Show(ShowKind.Jobs),
            P.ShowCatalogsContext c => Show(ShowKind.Catalogs, null, c.likePattern()),
            P.ShowDatabasesContext c => Show(ShowKind.Databases, c.qualifiedName(), c.likePattern()),
            P.ShowModulesContext c => Show(c.FULL() is null ? ShowKind.Modules : ShowKind.FullModules),
            P.ShowJarsContext => Show(ShowKind.Jars),
            P.ShowColumnsContext c => Show(ShowKind.Columns, c.qualifiedName(), c.likePattern()),
            P.ShowCreateTableContext c => Show(ShowKind.CreateTable, c.qualifiedName()),
            P.ShowCreateViewContext c => Show(ShowKind.CreateView, c.qualifiedName()),
            P.ShowCreateCatalogContext c => Show(ShowKind.CreateCatalog, c.qualifiedName()),
            P.ShowCurrentCatalogContext => Show(ShowKind.CurrentCatalog),
            P.ShowCurrentDatabaseContext => Show(ShowKind.CurrentDatabase),
            P.ShowCheckpointsContext c => Show(ShowKind.Checkpoints, null, c.likePattern(), Unquote(c.STRING().Symbol)),
            _ => throw Unsupported(target, "this SHOW statement"),
        };
    }

    /// <summary>A single string literal is unquoted; anything else (an unquoted key or value) is taken as written.</summary>
    private string RawOrUnquoted(ParserRuleContext c)
    {
        if (c.ChildCount == 1 && c.GetChild(0) is ITerminalNode { Symbol.Type: P.STRING } s) return Unquote(s.Symbol);
        return TextOf(c).Trim();
    }

    // ------------------------------------------------------------------ names

    private Identifier Ident(P.IdentifierContext c)
    {
        IToken token = c.Start;
        string value = token.Type == P.BACKQUOTED_IDENTIFIER
            ? token.Text[1..^1].Replace("``", "`", StringComparison.Ordinal)
            : token.Text;
        return new Identifier(value, Span(token));
    }

    private ObjectName Name(P.QualifiedNameContext c)
        => new(Array.ConvertAll(c.identifier(), i => Ident(i).Value), Span(c));

    private ObjectName Name(P.IdentifierContext c) => new([Ident(c).Value], Span(c));

    private Identifier[] Identifiers(P.IdentifierListContext? c)
        => c is null ? [] : Array.ConvertAll(c.identifier(), Ident);

    // ------------------------------------------------------------------ literals

    /// <summary>The value of a quoted string token: quotes removed, doubled quotes undone, U&amp; escapes resolved.</summary>
    private string Unquote(IToken token)
    {
        string text = token.Text;
        if (token.Type == P.UNICODE_STRING) return UnicodeEscapes(text[3..^1].Replace("''", "'", StringComparison.Ordinal), token);
        int start = token.Type == P.BINARY_STRING ? 2 : 1;
        return text[start..^1].Replace("''", "'", StringComparison.Ordinal);
    }

    /// <summary>A <c>U&amp;'...'</c> literal with the escape character its <c>UESCAPE 'c'</c> names (<c>\</c> when not written).</summary>
    private string UnicodeString(IToken token, IToken? uescape)
    {
        if (uescape is null) return Unquote(token);
        string escape = Unquote(uescape);
        if (escape.Length != 1 || char.IsAsciiHexDigit(escape[0]) || escape[0] is '+' or '\'' or '"' || char.IsWhiteSpace(escape[0]))
            throw Error($"UESCAPE '{escape}': the escape must be one character that is not a hex digit, '+', a quote or white space", Span(uescape));
        return UnicodeEscapes(token.Text[3..^1].Replace("''", "'", StringComparison.Ordinal), token, escape[0]);
    }

    private string UnicodeEscapes(string value, IToken token, char escape = '\\')
    {
        if (value.IndexOf(escape) < 0) return value;
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char ch = value[i];
            if (ch != escape) { sb.Append(ch); continue; }
            if (i + 1 < value.Length && value[i + 1] == escape) { sb.Append(escape); i++; continue; }
            int digits = i + 1 < value.Length && value[i + 1] == '+' ? 6 : 4;
            int first = digits == 6 ? i + 2 : i + 1;
            if (first + digits > value.Length
                || !int.TryParse(value.AsSpan(first, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                || code > 0x10FFFF)
                throw Error($"invalid unicode escape in U&'...' string: expected {escape}XXXX or {escape}+XXXXXX", Span(token));
            sb.Append(char.ConvertFromUtf32(code));
            i = first + digits - 1;
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ spans and errors

    private SourceSpan Span(ParserRuleContext c) => Span(c.Start, c.Stop ?? c.Start);

    private static SourceSpan Span(IToken token) => Span(token, token);

    private static SourceSpan Span(IToken start, IToken stop)
        => new(start.Line, start.Column + 1, start.StartIndex, Math.Max(start.StartIndex, stop.StopIndex + 1));

    private static SourceSpan Span(ITerminalNode node) => Span(node.Symbol);

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    private static SourceSpan Join(SourceSpan first, SourceSpan last)
        => new(first.Line, first.Column, first.StartOffset, Math.Max(first.EndOffset, last.EndOffset));

    private string TextOf(ParserRuleContext c)
    {
        if (c.Stop is null || c.Stop.StopIndex < c.Start.StartIndex) return "";
        return _text.Substring(c.Start.StartIndex, c.Stop.StopIndex + 1 - c.Start.StartIndex);
    }

    private SqlParseException Error(string problem, SourceSpan span) => new(problem, span, _text, _sourceName);

    private SqlParseException Unsupported(ParserRuleContext c, string what) => Error($"{what} is not supported", Span(c));

}
