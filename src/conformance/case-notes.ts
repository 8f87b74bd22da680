/**
 * What the suite's folders say about their models, read from each folder's README:
 * models that are not cases (their folder's output belongs to another model) and the data
 * files a case is meant to be run with.
 */
export const NOT_CASES: Readonly<Record<string, string>> = {
  'tests/get_time_value/test_get_time_value.mdl':
    "the folder's output.tab belongs to test_get_time_value_simple.mdl; its README calls this one a model for future use",
  'tests/data_from_other_model/model_to_generate_data.mdl':
    "it generates the data for test_data_from_other_model.mdl; the folder's output.tab is that model's",
};

/** Data files (relative to the case's folder) that a case reads its data variables from. */
export const CASE_DATA_FILES: Readonly<Record<string, string[]>> = {
  'tests/data_from_other_model/test_data_from_other_model.mdl': ['data.tab'],
};
