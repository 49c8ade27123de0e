/** The tray and notification icon (32×32 PNG: a white "P" on the app's blue), inlined so packaging needs no asset path. */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAYUlEQVR42mNgwAFUk1//pyZmIAZQ21KSHEMvy7E6gt6WYzhiZDtgoCyHO4JYhcSCUQeQ6hiyHUCumlEHjDpg+OSC0YJowOuCUQeMOmDkOWBYtgtHm+WDp2s2KDqnA9U9BwAvRg3jqRS8EQAAAABJRU5ErkJggg==';
