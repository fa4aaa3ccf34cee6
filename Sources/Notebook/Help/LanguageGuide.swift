/// The notebook language in one page, for `nmm help language` and the top of docs/commands.md.
public enum LanguageGuide {
    /// The guide as Markdown.
    public static let markdown = #"""
        ## The language

        A notebook is a Markdown file. Blocks fenced with ` ```nmm ` are run top to bottom, in one session;
        other blocks are shown as code. One statement per line; an indented line continues the line above.

        ```nmm
        #| label: fig-waves
        #| caption: "Two sine waves"
        param rate = 100                       # a parameter: nmm run NOTEBOOK --param rate=200
        param title = "Waves at {rate} Hz"     # {name} puts a value into text
        waves = sine frequencies: [0.5, 2]     # name = command … keeps the command's value
            rate: rate names: [slow, fast]     # (an indented line continues the statement)
        plot series waves title: title
        print "made {waves}"
        ```

        - **Statements**: `command …` runs a command; `name = command …` also names its value;
          `name = value` names a number, text or list; `param name = value` is a parameter that
          `--param name=value` can change from the command line.
        - **Commands** are one or two words (`print`, `plot series`), then their arguments in order, then
          options written `name: value` in any order.
        - **Values**: numbers (`6`, `-0.5`, `1e-3`), text in double quotes (`"S01"`, with `{name}` to insert
          a value and `\{` for a brace), lists in brackets (`[BIClong, BRA]`), and names.
        - **Names**: a bare name means the value defined above with that name (`data`, or a field of it:
          `data.test`); a name that is not defined above is simply a word — so `muscles: [BRA, TRImed]`
          needs no quotes. Quote a word that clashes with a name you defined.
        - **Claims**: `expect LEFT OP RIGHT` compares two numbers (`<`, `<=`, `>`, `>=`, `==`, `!=`), each a number
          or a name such as `nmm.metrics.BRA.trial_mean.r` (or `metrics(nmm).BRA.trial_mean.r`); it shows a check
          mark with both numbers when the claim holds and fails the cell — and the run — when it does not, so the
          prose of a notebook cannot claim what its numbers do not show. An undefined number (r of a constant
          estimate, shown "—") fails the claim too.
        - **Comments** start with `#`. `#| key: value` lines at the top of a block are cell options:
          `label` (cite the cell's figure as `@label` in the prose), `caption`, `echo: false` (hide the code).
        - **Errors** are reported as `notebook.md:LINE:COLUMN: error: …`, in the terminal and in the report
          where they happened. Cells that use a value a failed cell should have made are skipped.
        - **Expensive steps** (fits) are cached in `Output/.nmm-cache`, keyed by a hash of their inputs;
          `--no-cache` recomputes them.
        """#

    /// The guide for the terminal (the Markdown is plain enough to read as is).
    public static var text: String { markdown }
}
