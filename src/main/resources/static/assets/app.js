/* Yousu pages: the few behaviours htmx does not give by itself. No inline scripts (the CSP forbids them). */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token as a header
  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('csrf-header');
    var token = meta('csrf-token');
    if (header && token) {
      e.detail.headers[header] = token;
    }
  });

  function flash(html, kind) {
    var box = document.getElementById('flash');
    if (!box) {
      return;
    }
    var div = document.createElement('div');
    div.className = 'alert alert-' + (kind || 'danger');
    div.setAttribute('role', 'alert');
    div.innerHTML = html;
    box.replaceChildren(div);
    box.scrollIntoView({block: 'nearest'});
  }

  function text(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }

  // a refused htmx request says why instead of doing nothing
  document.addEventListener('htmx:responseError', function (e) {
    var xhr = e.detail.xhr;
    var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    var message = doc.querySelector('#error-message .alert');
    flash(message ? message.innerHTML : text((document.documentElement.lang === 'en'
        ? 'The request failed (HTTP ' : '操作未能完成（HTTP ') + xhr.status + '）'));
  });
  document.addEventListener('htmx:sendError', function () {
    flash(text(document.documentElement.lang === 'en' ? 'The server cannot be reached. Check the connection and try again.'
        : '无法连接服务器，请检查网络后重试'));
  });

  // an answer that replaced part of the page moves keyboard focus to its first message or heading
  document.addEventListener('htmx:afterSettle', function (e) {
    var target = e.detail.elt;
    if (!target || !target.querySelector) {
      return;
    }
    var focus = target.querySelector('[data-focus], .form-errors, .field-error:not(:empty)');
    if (focus) {
      var input = focus.classList && focus.classList.contains('field-error') && focus.dataset.field
          ? target.querySelector('[name="' + focus.dataset.field + '"]') : null;
      (input || focus).focus && (input || focus).focus({preventScroll: false});
    }
  });

  // files are checked for size and type before they are sent (the server checks again)
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) {
      return;
    }
    var max = parseInt(input.dataset.maxBytes, 10);
    var allowed = (input.getAttribute('accept') || '').toLowerCase().split(',').map(function (s) { return s.trim(); });
    var problem = null;
    Array.prototype.forEach.call(input.files, function (f) {
      var ext = f.name.indexOf('.') >= 0 ? f.name.substring(f.name.lastIndexOf('.')).toLowerCase() : '';
      if (f.size > max) {
        problem = input.dataset.tooLarge;
      } else if (allowed.length && allowed.indexOf(ext) < 0) {
        problem = input.dataset.badType;
      }
    });
    var out = input.dataset.errorTarget ? document.getElementById(input.dataset.errorTarget) : null;
    if (out) {
      out.textContent = problem || '';
    }
    if (problem) {
      input.value = '';
      e.stopImmediatePropagation();
    }
  }, true);

  // a field required only for some answers (企业名称 for an enterprise, name and phone unless anonymous) shows its
  // mark as the answers change; the server renders the first state and checks the same rules on submit
  document.addEventListener('change', function (e) {
    var form = e.target.form;
    if (!form) {
      return;
    }
    form.querySelectorAll('[data-required-if], [data-required-unless]').forEach(function (field) {
      var required = true;
      var when = field.dataset.requiredIf;
      if (when) {
        var pair = when.split('=');
        var chosen = form.querySelector('[name="' + pair[0] + '"]:checked');
        required = !!chosen && chosen.value === pair[1];
      }
      var unless = field.dataset.requiredUnless && form.querySelector('[name="' + field.dataset.requiredUnless + '"]');
      if (unless && unless.checked) {
        required = false;
      }
      var label = field.querySelector('label');
      var input = field.querySelector('input, textarea, select');
      if (label && input) {
        label.classList.toggle('required', required);
        input.setAttribute('aria-required', String(required));
      }
    });
  });

  // step-by-step forms: one fieldset at a time; without script every step shows at once
  function showStep(form, n) {
    var steps = form.querySelectorAll('[data-step]');
    steps.forEach(function (s) {
      s.hidden = parseInt(s.dataset.step, 10) !== n;
    });
    form.dataset.current = n;
    form.querySelectorAll('[data-step-indicator]').forEach(function (li) {
      var i = parseInt(li.dataset.stepIndicator, 10);
      li.classList.toggle('current', i === n);
      li.classList.toggle('done', i < n);
      if (i === n) {
        li.setAttribute('aria-current', 'step');
      } else {
        li.removeAttribute('aria-current');
      }
    });
    var current = form.querySelector('[data-step="' + n + '"]');
    var heading = current && current.querySelector('legend, h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  function stepForms(root) {
    (root || document).querySelectorAll('form[data-steps]').forEach(function (form) {
      if (form.dataset.stepsReady) {
        return;
      }
      form.dataset.stepsReady = 'true';
      form.classList.add('stepped');
      var first = parseInt(form.dataset.start || '1', 10);
      showStep(form, first);
    });
  }

  // "next" asks the server to check this step; the answer says which step to show (HX-Trigger: stepChecked)
  document.addEventListener('stepChecked', function (e) {
    var form = document.querySelector('form[data-steps]');
    if (form && e.detail && e.detail.value) {
      showStep(form, parseInt(e.detail.value, 10));
    }
  });
  document.addEventListener('click', function (e) {
    var back = e.target.closest && e.target.closest('[data-step-back]');
    if (back) {
      var form = back.closest('form');
      showStep(form, parseInt(form.dataset.current, 10) - 1);
    }
  });

  // after an htmx answer: a full form with errors goes back to the first step that has one
  document.addEventListener('htmx:load', function (e) {
    stepForms(e.detail.elt);
  });
  document.addEventListener('DOMContentLoaded', function () {
    stepForms(document);
  });

  // an uploaded file can be taken off the form again
  document.addEventListener('click', function (e) {
    var remove = e.target.closest && e.target.closest('[data-remove-chip]');
    if (remove) {
      var chip = remove.closest('.attachment-chip');
      var list = chip && chip.parentElement;
      chip && chip.remove();
      list && list.querySelector('button') && list.querySelector('button').focus();
    }
  });

  // printing
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-print]')) {
      window.print();
    }
  });
})();
