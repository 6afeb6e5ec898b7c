using RadLine;
using Spectre.Console;

namespace StreamSql.Shell;

/// <summary>The prompt of the shell's line editor: <c>streamsql&gt;</c> for a new statement, an aligned <c>&gt;</c> for the
/// lines that continue it. One editor serves both, so keys read ahead of the current line are never left behind in
/// another editor's buffer.</summary>
internal sealed class ShellPrompt : ILineEditorPrompt
{
    private readonly Markup _first = new("[green]streamsql[/]>");
    private readonly Markup _continuation = new("         >");

    /// <summary>Whether the next line continues a statement.</summary>
    public bool Continuation { get; set; }

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) => (Continuation ? _continuation : _first, 1);
}
