{{- define "gateway.labels" -}}
app: {{ .Chart.Name }}
{{- end -}}
