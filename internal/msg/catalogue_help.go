package msg

// The words of --help: each command's summary, description and examples,
// the flags' descriptions, the headings and the exit statuses. Keys are
// help.<command path>.short|long|example (the path after "szsoft", with
// dots), flag.<name>, and help.* for the frame. A measure's own help is
// made from its data (measures), with help.measure.*.
var helpCatalogue = map[string]Entry{
	// --- the frame ---
	"help.usage":       {"用法", "Usage"},
	"help.aliases":     {"别名", "Aliases"},
	"help.examples":    {"示例", "Examples"},
	"help.commands":    {"命令", "Commands"},
	"help.flags":       {"参数", "Flags"},
	"help.global":      {"全局参数", "Global flags"},
	"help.placeholder": {"[参数]", "[flags]"},
	"help.command":     {"<命令>", "<command>"},
	"help.colon":       {"：", ":"},
	"help.more":        {"运行 {command} <命令> --help 查看各命令的说明", "Run '{command} <command> --help' for more about a command."},
	"help.exit.title":  {"退出状态：", "EXIT STATUS"},
	"help.exit.0":      {"全部计算完成，包括结果为0和事项日期不在有效期内的情形", "everything was computed, including results of 0 and dates outside the validity window"},
	"help.exit.1":      {"值或文件有误（金额、比例、取值、日期、附则要求的输入，文件缺失、无法读取、过大或格式错误），或无法写出结果；batch 中至少一个文件失败，其余文件均已计算", "a value or a file is wrong (an amount, rate, choice, date, a 附则 input the rules require, a missing, unreadable, too large or malformed file), or the output cannot be written; in batch, at least one file failed, after all the others were computed"},
	"help.exit.2":      {"命令行有误（未知的命令或参数、参数缺少值或重复给出、措施缺少所需的输入、同一措施中同时申报了付给不同申请单位的事项、-o 与 --out 的扩展名矛盾）", "the command line is wrong (unknown command or flag, a flag without its argument or given twice, a measure without the inputs it needs, both sides of a measure, -o against the --out extension)"},
	"help.exit.3":      {"内部错误（szsoft 的缺陷），绝非输入有误", "an internal error (a bug in szsoft), never bad input"},

	// --- the value a flag takes, as help shows it ---
	"var.amount":   {"金额", "AMOUNT"},
	"var.rate":     {"比例", "RATE"},
	"var.date":     {"日期", "DATE"},
	"var.choice":   {"值", "VALUE"},
	"var.file":     {"文件", "FILE"},
	"var.name":     {"名称", "NAME"},
	"var.code":     {"代码", "CODE"},
	"var.form":     {"格式", "FORM"},
	"var.unit":     {"单位", "UNIT"},
	"var.lang":     {"语言", "LANG"},
	"var.policy":   {"版本", "ID|FILE"},
	"var.jobs":     {"N", "N"},
	"var.items":    {"[=事项,…]", "[=ITEM,…]"},
	"var.received": {"条目", "ENTRY"},

	// --- how an input's help is completed ---
	"help.amount":       {"{help}（元）", "{help} (yuan)"},
	"help.amount.paren": {"{help}；元）", "{help}; yuan)"},
	"help.paren":        {"）", ")"},
	"help.amounts":      {"金额可写作 5e7、50,000,000、5000万 或 1.5亿；不带单位的数字为元（--unit wan 时为万元）。比例写作 0.3 或 30%。", "Amounts: 5e7, 50,000,000, 5000万 or 1.5亿; a bare number is yuan (万元 under --unit wan). Rates: 0.3 or 30%."},
	"help.rate":         {"{help}，如 0.3 或 30%", "{help}, e.g. 0.3 or 30%"},
	"help.date":         {"{help}，如 2026-03-01 或 2026年3月1日", "{help}, e.g. 2026-03-01 or 2026/3/1"},
	"help.oneof":        {"{help}；取值：{values}", "{help}: {values}"},
	"help.anyof":        {"{help}；可重复，取值：{values}", "{help}, repeatable: {values}"},
	"help.required":     {"{help}（必填）", "{help} (required)"},

	// --- flags ---
	"flag.help":           {"显示 {command} 的帮助", "help for {command}"},
	"flag.file":           {"TOML 项目文件；- 从标准输入读取", "TOML project file; - reads standard input"},
	"flag.output":         {"输出格式：{forms}（默认 table，或 --out 文件扩展名所指的格式）", "output form: {forms} (default table, or the one the --out file's extension names)"},
	"flag.out":            {"把结果写入此文件而非标准输出（- 为标准输出）；文件要么完整写出，要么不留下", "write the output to this file instead of standard output (- is standard output); the file appears whole or not at all"},
	"flag.unit":           {"命令行中不带单位的数字及显示金额的单位：元（yuan）或万元（wan），默认 SZSOFT_UNIT，否则为元；JSON、CSV 和 total 始终以元为单位", "unit of bare numbers in flags and of amounts shown: yuan or wan (万元), default SZSOFT_UNIT, else yuan; JSON, CSV and total are always in yuan"},
	"flag.bom":            {"CSV 总以字节顺序标记开头", "start the CSV with a byte-order mark (BOM) always"},
	"flag.no-bom":         {"CSV 不以字节顺序标记开头", "never start the CSV with a byte-order mark (BOM)"},
	"flag.preparer":       {"测算人（机构或个人），印在测算书封面和签章栏；项目文件中为 preparer", "who prepared the calculation (a firm or a person), on the 测算书's cover and signature block; preparer in a project file"},
	"flag.credit-code":    {"申请单位的统一社会信用代码（18位，按国家标准校验）；项目文件中为 credit_code", "the applicant's 统一社会信用代码 (18 characters, checked as GB 32100-2015 sets); credit_code in a project file"},
	"flag.received":       {"此前已收到的资助，可重复：事项=金额[@日期][:档次][/区级]，如 relocation=2000万@2025-05-01；加在项目文件的已收到记录之后", "what was received before, repeatable: ITEM=AMOUNT[@DATE][:LEVEL][/district], e.g. relocation=2000万@2025-05-01; added to the project file's own entries"},
	"flag.received.batch": {"batch 不接受：请写在各项目文件中", "not for batch: write the entries in each project file"},
	"flag.version":        {"显示 szsoft 的版本（同 szsoft version）", "print szsoft's version (as szsoft version does)"},
	"flag.lang":           {"标题、表头、说明、错误和帮助的语言：zh 或 en（默认 SZSOFT_LANG，否则按系统语言）", "language of titles, headers, notes, errors and help: zh or en (default SZSOFT_LANG, else the locale's)"},
	"flag.policy":         {"政策版本：{editions} 或版本文件（默认：事项日期所在的版本）", "policy edition: {editions}, or an edition file (default: the edition in force on the date)"},
	"flag.same-kind":      {"本措施（或 =事项,… 所列事项）已在市级同类措施中享受（附则：不得重复享受）；只用于单项措施", "this measure's support (or, with =ITEM,…, its items') was already received under a similar municipal measure (附则: no double-dipping); with a measure only"},
	"flag.explain":        {"在表格下写出每一项及附则的计算过程", "under the table, the arithmetic of every line and of the 附则, in words"},
	"flag.by":             {"按申请单位汇总：企业奖励在同一申请单位的文件间只计一次（取值 applicant）", "add the applicant view: each firm award counted once across an applicant's files (value: applicant)"},
	"flag.jobs":           {"同时处理的文件数（默认：CPU 数）", "files processed at once (default: the number of CPUs)"},
	"flag.policy.text":    {"输出版本的政策原文，而不是版本文件", "print the edition's published text instead of its file"},
	"flag.measures.form":  {"输出格式：table 或 json（默认 table）", "output form: table or json (default table)"},

	// --- the commands ---
	"help.short": {"深圳市软件产业扶持措施（深府规〔2022〕5号）资助测算", "Subsidy calculator for the Shenzhen software-industry measures (深府规〔2022〕5号)"},
	"help.long": {`szsoft 按《深圳市推动软件产业高质量发展的若干措施》（深府规〔2022〕5号）测算一个项目
可申请的最高资助额、附则规定的配套资金上限，并为每个数字注明所依据的条款。
金额单位为元，精确到分。`, `szsoft computes the maximum subsidy a project can claim under the Shenzhen
municipal government's Several Measures for Promoting High-Quality
Development of the Software Industry (深府规〔2022〕5号), the matching-fund
limits of its supplementary rules (附则), and the clause behind every figure.`},
	"help.example": {`  szsoft measures
  szsoft calc 首版次 --sales 5000万
  szsoft calc --file project.toml -o json
  szsoft batch projects/ -o xlsx --out 测算.xlsx`, `  szsoft calc first-version --sales 5e7
  szsoft calc --file project.toml -o json
  szsoft batch projects/ -o csv --out results.csv
  szsoft measures show platform`},

	"help.calc.use":   {"[<措施>] [参数]", "[<measure>] [flags]"},
	"help.calc.short": {"测算一项措施，或项目文件申报的全部措施", "Compute the subsidy of one measure, or of every measure a project file names"},
	"help.calc.long": {`测算{policy}一项措施的最高资助额，及附则的配套资金上限，并注明每个
数字所依据的条款。

写出措施（或其中文名）并以参数给出其输入；或用 --file 给出项目文件，测算文件
申报的每一项措施。参数优先于文件中的键。`, `Compute the maximum subsidy of a measure of {policy}, with the
matching-fund limits of the 附则 and the clause behind every figure.

Name a measure and give its inputs as flags, or give a project file with
--file to compute every measure it names; flags override the file's keys.`},
	"help.calc.example": {`  szsoft calc 首版次 --sales 5000万
  szsoft calc platform --operating-cost 1000万 -o json
  szsoft calc new-product --investment 1600万 --national-funding 200万 --audited-investment 1000万`, `  szsoft calc first-version --sales 5e7
  szsoft calc platform --operating-cost 1e7 -o json
  szsoft calc new-product --investment 1.6e7 --national-funding 2e6 --audited-investment 1e7`},

	"help.batch.use":   {"[文件|目录|-]...", "[FILE|DIR|-]..."},
	"help.batch.short": {"批量测算项目文件；一个文件出错不影响其他文件", "Compute many project files; a failed file never loses the others"},
	"help.batch.long": {`批量测算项目文件。目录代表其下所有 *.toml 文件，按路径排序（逐字节比较；不跟随指向
目录的符号链接）；"-" 从标准输入逐行读取文件名。无论 --jobs 为多少，输出都保持
输入的顺序，并包含每一个文件：其结果，或在其位置上的错误记录。错误同时逐行写到
标准错误；若有文件失败，在其余文件都计算完成后以状态 1 退出。

输出格式：table（每个文件一行及总计）、json（数组）、jsonl（每行一个对象，
流式）、csv（每个事项一行）、markdown、xlsx（工作簿）、html（可打印的测算书）、
total（所计算文件的市级合计总额）。
参数优先于各文件中的键，与 szsoft calc --file 相同。

名单：*.csv 或 *.xlsx（第一个工作表）每行一个项目，记为“名单.xlsx:行号”；第一行为
列名（项目文件的键，如 name、first-version.sales、relocation，或模板中的中文名）。
出错的单元格写明位置，只影响该行；未知的列使整个名单不计算。
szsoft init --roster xlsx 生成模板。`, `Compute many project files. A directory stands for every *.toml file below
it, in bytewise path order (symbolic links to directories are not followed);
"-" reads file names from standard input, one a line. The output keeps the
order of the input whatever --jobs is, and holds every file: its result, or an
error record in its place. Errors also go to standard error, one line each;
the exit status is 1 if any file failed, after all the others were computed.

Output forms: table (a summary row per file and a grand total), json (an
array), jsonl (an object per line, streamed), csv (a row per line item),
markdown, xlsx (a workbook), html (the printable 测算书), total (the grand
municipal total of the files computed).
Flags override each file's own keys, as in 'szsoft calc --file'.

Rosters: a *.csv or *.xlsx (its first sheet) is a project a row, named
roster.xlsx:ROW; row 1 names the columns (a project file's keys such as
name, first-version.sales, relocation, or the template's Chinese names). An
error names its cell and costs its row; an unknown column fails the roster.
'szsoft init --roster xlsx' writes a template.`},
	"help.batch.example": {`  szsoft batch projects/
  szsoft batch projects/ --out 测算.xlsx
  szsoft batch 名单.xlsx --out 测算.xlsx
  szsoft batch projects/ --out 测算书.html
  find . -name '*.toml' | szsoft batch - -o csv > lines.csv
  szsoft batch a.toml b.toml --date 2026年3月1日`, `  szsoft batch projects/
  szsoft batch projects/ -o jsonl > results.jsonl
  szsoft batch roster.xlsx --out report.xlsx
  find . -name '*.toml' | szsoft batch - -o csv > lines.csv
  szsoft batch a.toml b.toml --date 2026-11-26`},

	"help.measures.short": {"列出政策的全部条款、事项、比例、上限及对应的子命令", "List every clause of the policy, its items, rates, caps and subcommand"},
	"help.measures.long": {`列出措施目录：{policy}的每一条，包括不涉及资金的条款；
每项措施的事项、规则、比例和上限，计算它的 szsoft calc 子命令及其中文名，
以及每个事项所需的输入参数。`, `List the catalogue: every clause of {policy}, those without money
too, with the items of each measure, their rule, rates and
caps, the subcommand of 'szsoft calc' that computes them with its Chinese
name, and the flag each item needs.`},
	"help.measures.example": {`  szsoft measures
  szsoft measures -o json | jq '.measures[].name'
  szsoft measures show 首版次`, `  szsoft measures
  szsoft measures -o json | jq '.measures[].name'
  szsoft measures show first-version`},

	"help.measures.show.use":   {"<措施>", "<measure>"},
	"help.measures.show.short": {"显示一项措施的条款原文、概要、规则、封顶起点和假设", "Print a measure's clause as published, a summary, its rules, breakpoints and assumptions"},
	"help.measures.show.long": {`显示一项措施：条款原文、概要、每个事项的规则、受助方、达到上限时的基数，输入参数
及测算所依据的假设（以及改变假设的开关）。措施可写其名称或中文名。`, `Print a measure: its clause as published, a summary, each item's rule, its
recipient, the base at which its cap is reached, its inputs and the
assumptions the calculator makes (with the switches that change them). Name
the measure or give its Chinese name.`},
	"help.measures.show.example": {`  szsoft measures show 首版次
  szsoft measures show platform --lang en`, `  szsoft measures show first-version
  szsoft measures show platform --lang zh`},

	"help.init.use":   {"[<措施>...]", "[<measure>...]"},
	"help.init.short": {"生成带注释的 TOML 项目文件模板（未写措施时包含全部措施）", "Print a commented TOML project file for the measures named (all when none)"},
	"help.init.long": {`生成项目文件模板：附则的顶层键，以及每项措施的表（未写措施时为全部措施），
每个键的注释写明其单位和含义。示例值构成一个 szsoft validate 可通过、
szsoft calc --file 可计算的文件；请换成项目自己的数据。
加 --roster csv 或 --roster xlsx 则生成客户名单模板：第一行为各列名称（中文或英文，
随 --lang），第二行为示例，由 szsoft batch 读取；xlsx 须以 --out 写入文件。`, `Print a project file template: the top-level keys of the 附则 and a table
for each measure named (every measure when none is), each key with its unit
and clause in a comment. The example values make a file that 'szsoft validate'
accepts and 'szsoft calc --file' computes; replace them with the project's own.
With --roster csv or --roster xlsx, write a roster's template instead: its
column headers (in the language of the run) and a row of examples, which
'szsoft batch' reads; a workbook goes to --out.`},
	"help.init.example": {`  szsoft init 首版次 > project.toml
  szsoft init --roster xlsx 首版次 落户 --out 名单.xlsx
  szsoft init platform industrial-software
  szsoft init | szsoft validate -`, `  szsoft init first-version > project.toml
  szsoft init --roster xlsx first-version relocation --out roster.xlsx
  szsoft init platform industrial-software
  szsoft init | szsoft validate -`},

	"help.policy.short": {"政策版本：列出、以文件形式显示、检查", "Policy editions: list them, print one as a file, check a file"},
	"help.policy.long": {`政策版本（如 sz2022，即深府规〔2022〕5号）是一个 TOML 文件及其旁边的政策原文：
条款、措施、事项（规则类型、基数、比例、上限、档次、受助方、范围、台账类别、
引文）、择一关系和附则规则。szsoft 内置的版本就是这样的文件。

用 --policy 文件 按自己的版本测算（calc、batch、measures、init、validate 均可）；
文件中才有的措施成为 calc 的子命令。szsoft policy show sz2022 > 我的版本.toml
可作为起点，szsoft policy check 检查它。`, `A policy edition (sz2022 is 深府规〔2022〕5号) is a TOML file beside the
policy's published text: its clauses, measures, items (rule kind, base, rate,
cap, tiers, recipient, scope, ledger class, quote), alternatives and the
rules of its 附则. The editions built into szsoft are such files.

Compute under your own with --policy FILE (calc, batch, measures, init,
validate); a measure only the file has is a subcommand of calc. 'szsoft
policy show sz2022 > mine.toml' starts one; 'szsoft policy check' checks it.`},
	"help.policy.example": {`  szsoft policy list
  szsoft policy show sz2022 > 我的版本.toml
  szsoft policy show --text sz2022 > sz2022.txt
  szsoft policy check 我的版本.toml
  szsoft calc --policy 我的版本.toml 首版次 --sales 5000万`, `  szsoft policy list
  szsoft policy show sz2022 > mine.toml
  szsoft policy show --text sz2022 > sz2022.txt
  szsoft policy check mine.toml
  szsoft calc --policy mine.toml first-version --sales 5e7`},
	"help.policy.list.short": {"列出已知的政策版本：编号、文件、有效期、来源", "List the editions szsoft knows: id, document, window, source"},
	"help.policy.list.example": {`  szsoft policy list
  szsoft policy list -o json`, `  szsoft policy list
  szsoft policy list -o json`},
	"help.policy.show.use":   {"编号|文件", "ID|FILE"},
	"help.policy.show.short": {"以 TOML 文件形式显示一个版本（读回后测算结果相同）", "Print an edition as a TOML file (read back, it computes the same)"},
	"help.policy.show.long": {`以 TOML 文件形式显示一个版本。内置版本的 text 为 "builtin:编号"，即程序内置的
政策原文，所以保存后直接可用；要连同原文一起保存，另用 --text 输出原文，保存在
旁边并把 text 改为其文件名。`, `Print an edition as a TOML file. A built-in edition's text is
"builtin:ID", the published text inside szsoft, so the file saved works as
it is; to keep the text beside it, save what --text prints and set text to
its file name.`},
	"help.policy.show.example": {`  szsoft policy show sz2022 > 我的版本.toml
  szsoft policy show --text sz2022 > sz2022.txt`, `  szsoft policy show sz2022 > mine.toml
  szsoft policy show --text sz2022 > sz2022.txt`},
	"help.policy.check.use":   {"文件...", "FILE..."},
	"help.policy.check.short": {"检查版本文件：每处错误注明行号和列号", "Check edition files: every mistake at its line and column"},
	"help.policy.check.long": {`检查版本文件：每个键都已知、每段引文逐字出现在所属条款的原文中、每条规则满足其
类型的要求、编号不重复、别名不与其他措施重名、有效期起止有序。有错误时以状态 1
退出；szsoft 从不按有错误的版本测算。`, `Check edition files: every key known, every quote word for word in its
clause of the text, every rule complete for its kind, ids unique, no alias
naming another measure, the window in order. Exit status 1 on any mistake:
szsoft never computes under an invalid edition.`},
	"help.policy.check.example": {`  szsoft policy check 我的版本.toml`, `  szsoft policy check mine.toml`},

	"help.policy.diff.use":   {"A B", "A B"},
	"help.policy.diff.short": {"列出两个版本（或一个层与其基础版本）之间的变化", "List what changed between two editions, or a layer and its base"},
	"help.policy.diff.long": {`列出从 A 到 B 的变化：新增、删除的事项，以及比例、上限、档次、受助方、范围、台账类别、
引文、有效期的修改。A、B 是版本编号或文件；一个层（申报指南、区级措施）与其基础版本比较时，
按叠加后的效果比较。有无变化都以状态 0 退出。`, `List what changed from A to B: items added and removed, and changes of rate,
cap, tiers, recipient, scope, ledger class, quote and window. A and B are ids
or files; a layer (a guide, a district's measures) is compared with its base
as the two compute together. Exit status 0 whether or not anything changed.`},
	"help.policy.diff.example": {`  szsoft policy diff sz2022 fixtures/editions/sz2023-rules.toml
  szsoft policy diff 旧指南.toml 新指南.toml -o json`, `  szsoft policy diff sz2022 fixtures/editions/sz2023-rules.toml
  szsoft policy diff guide-2025.toml guide-2026.toml -o json`},

	"help.validate.use":   {"文件...", "FILE..."},
	"help.validate.short": {"检查项目文件，不输出任何数字", "Check project files without printing any figure"},
	"help.validate.long": {`像 szsoft calc --file 一样检查项目文件——TOML 语法、键、类型、取值、各措施所需
的输入、各事项的比例、附则要求的输入——每个合格的文件输出“文件：通过”。每个文件
的错误都会报告（TOML 语法错误只报告第一处）；"-" 从标准输入读取文件。`, `Check project files as 'szsoft calc --file' would — TOML syntax, keys,
types, values, the inputs each measure needs, the rates of each item, the
inputs the 附则 require — and print "FILE: ok" for each good one. Every
error of every file is reported (of TOML syntax, the first); "-" reads a
file from standard input.`},
	"help.validate.example": {`  szsoft validate project.toml
  szsoft validate projects/*.toml`, `  szsoft validate project.toml
  szsoft validate projects/*.toml`},

	"help.completion.short": {"输出 bash、zsh、fish 或 PowerShell 的命令补全脚本", "Print the shell completion script for bash, zsh, fish or PowerShell"},
	"help.completion.long": {`输出命令补全脚本。它补全命令、措施名称及其中文名、取值固定的参数的值
（--output、--unit、--lang、--recognized、--standard、--certification 等）和
--file 的文件名。make install 会把 completions/ 中的脚本安装到各 shell 查找的位置。`, `Print a shell completion script. It completes commands, measure names and
their Chinese names, the values of every flag that takes a fixed set
(--output, --unit, --lang, --recognized, --standard, --certification, …) and
file names for --file. 'make install' installs the scripts of completions/
where the shells look.`},
	"help.completion.example": {`  source <(szsoft completion bash)
  szsoft completion zsh > "${fpath[1]}/_szsoft"
  szsoft completion fish > ~/.config/fish/completions/szsoft.fish
  szsoft completion powershell | Out-String | Invoke-Expression`, `  source <(szsoft completion bash)
  szsoft completion zsh > "${fpath[1]}/_szsoft"
  szsoft completion fish > ~/.config/fish/completions/szsoft.fish
  szsoft completion powershell | Out-String | Invoke-Expression`},
	"help.completion.shell.short":   {"输出 {shell} 的补全脚本", "Print the {shell} completion script"},
	"help.completion.shell.example": {"  szsoft completion {shell}", "  szsoft completion {shell}"},

	"help.version.short":   {"显示 szsoft 的版本及其实现的政策版本", "Print the version of szsoft and the policy editions it implements"},
	"help.version.example": {"  szsoft version", "  szsoft version"},

	"help.help.use":     {"[命令]", "[command]"},
	"help.help.short":   {"显示任一命令的帮助", "Help about any command"},
	"help.help.example": {"  szsoft help calc\n  szsoft help calc 首版次", "  szsoft help calc\n  szsoft help calc first-version"},

	// --- a measure's subcommand, from its data ---
	"help.measure.short": {"{clause} {title}", "{clause} {title}"},
	"help.measure.long":  {"{clause} {clausetitle} — {title}\n\n{summary}\n\n金额单位为元；szsoft measures show {name} 显示条款原文、规则和假设。", "{clause} {clausetitle} — {title}\n\n{summary}\n\nAmounts are in yuan; 'szsoft measures show {name}' prints the clause as published, the rules and the assumptions."},
}

func init() {
	for k, e := range helpCatalogue {
		if _, dup := catalogue[k]; dup {
			panic("msg: " + k + " is in both catalogues")
		}
		catalogue[k] = e
	}
}
