package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"szsoft/calc"
	"szsoft/measures"
)

func (a *app) initCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [<measure>...]",
		Short: "Print a commented TOML project file for the measures named (all when none)",
		Long: `Print a project file template: the top-level keys of the 附则 and a table
for each measure named (every measure when none is), each key with its unit
and clause in a comment. The example values make a file that 'szsoft validate'
accepts and 'szsoft calc --file' computes; replace them with the project's own.`,
		Example: `  szsoft init first-version > project.toml
  szsoft init platform industrial-software
  szsoft init | szsoft validate -`,
		ValidArgsFunction: completeMeasures,
		RunE: func(cmd *cobra.Command, args []string) error {
			cat := measures.Get()
			var list []*measures.Measure
			for _, name := range args {
				m, ok := cat.Measure(name)
				if !ok {
					return unknownMeasure(name)
				}
				list = append(list, m)
			}
			if len(list) == 0 {
				list = cat.Measures
			}
			var buf bytes.Buffer
			writeTemplate(&buf, list)
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
}

// templateLine writes "key = value" with its comment aligned.
func templateLine(buf *bytes.Buffer, commented bool, key, value, comment string) {
	line := key + " = " + value
	if commented {
		line = "# " + line
	}
	pad := max(34-displayWidth(line), 1)
	fmt.Fprintf(buf, "%s%s# %s\n", line, strings.Repeat(" ", pad), comment)
}

// writeTemplate writes the project file template of SPEC section 4.
func writeTemplate(buf *bytes.Buffer, list []*measures.Measure) {
	s := measures.Get().Supplementary
	buf.WriteString(`# szsoft project file: one project under 深府规〔2022〕5号.
# Amounts are yuan (元): numbers (5e7, 50000000) or strings ("5000万",
# "0.5亿", "50,000,000"). Rates: 0.3 or "30%". Write floats with at most 15
# significant digits, or as strings.

`)
	templateLine(buf, false, "name", `"项目名称"`, "project name")
	templateLine(buf, false, "applicant", `"申请单位"`, "applicant")
	templateLine(buf, true, "date", "2026-03-01", fmt.Sprintf("date of the qualifying event; 附则: in force %04d-%02d-%02d to %04d-%02d-%02d; default today",
		s.ValidFrom[0], s.ValidFrom[1], s.ValidFrom[2], s.ValidTo[0], s.ValidTo[1], s.ValidTo[2]))
	buf.WriteString("\n# 附则: the cumulative cap applies when national or provincial funding is given.\n")
	templateLine(buf, true, "audited_investment", "0", "元, audited investment; required with national or provincial funding")
	templateLine(buf, false, "national_funding", "0", "元, national funding of the project")
	templateLine(buf, false, "provincial_funding", "0", "元, provincial funding of the project")
	templateLine(buf, false, "other_city_funding", "0", "元, Shenzhen funding already received for the project")
	templateLine(buf, false, "district_ratio", "0", "the district's own matching ratio, 0 to 1 (the policy names none)")
	templateLine(buf, false, "strict_cap", "false", "true: national and provincial money count against the cap too")
	buf.WriteString("# 附则 no double-dipping is per measure: same_kind = true in a measure's table\n# (or a list of its item ids) when that support was had under a similar\n# municipal measure.\n")
	for _, m := range list {
		example := exampleValues(m)
		fmt.Fprintf(buf, "\n# %s %s — %s\n# %s\n[%s]\n", m.Clause, m.Title.Zh, m.Title.En, m.Summary, m.Name)
		for _, in := range m.Inputs {
			value, given := example[in.Name]
			comment := in.Help.En
			switch in.Kind {
			case measures.Amount:
				comment = "元, " + comment
				if !given {
					value = "0"
				}
			case measures.Rate:
				if !given {
					value = `"` + rateRange(m, in.Name) + `"`
				}
			case measures.Switch:
				value = "false"
				if given {
					value = "true"
				}
				given = true
			case measures.Choice:
				comment += "; one of " + strings.Join(in.Values, ", ")
				if !given {
					value = in.Values[0]
				}
				value = `"` + value + `"`
			case measures.Choices:
				comment += "; any of " + strings.Join(in.Values, ", ")
				if !given {
					value = in.Values[0]
				}
				value = `["` + strings.Join(strings.Split(value, ","), `", "`) + `"]`
			}
			if in.Required {
				comment += " (required)"
			}
			templateLine(buf, !given, in.Key(), value, comment)
		}
	}
}

// exampleValues reads the measure's example flags ("--sales 5e7 --honor")
// into values by input name.
func exampleValues(m *measures.Measure) map[string]string {
	values := map[string]string{}
	words := strings.Fields(m.Example)
	for i := 0; i < len(words); i++ {
		name := strings.TrimPrefix(words[i], "--")
		in, ok := m.Input(name)
		if !ok {
			continue
		}
		if in.Kind == measures.Switch {
			values[name] = "true"
			continue
		}
		if i+1 < len(words) {
			i++
			v := words[i]
			if in.Kind == measures.Rate {
				v = `"` + v + `"`
			}
			values[name] = v
		}
	}
	return values
}

// rateRange describes the rates the item fed by the rate input allows.
func rateRange(m *measures.Measure, input string) string {
	for _, it := range m.Items {
		if it.RateInput == input {
			return calc.Percent(it.RateHigh)
		}
	}
	return ""
}
